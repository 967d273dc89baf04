import { DEFAULT_SETTINGS } from '@hongniang/matching-engine';
import { MockServer } from '@nocobase/test';
import { appForSuite, signInAsRoot } from '@test/support/app';
import { addMember } from '@test/support/members';
import { MemberPool } from '../matching/member-pool';
import { insertRows, refreshSuggestions } from '../actions/refresh-suggestions';
import { endedTask } from '@test/support/tasks';

const ids = (response: any) => response.body.data.map((result: any) => result.candidateId);

describe('matching stays fresh, and the batch run keeps suggestions current', () => {
  let app: MockServer;
  let admin: any;
  let her: number;
  let him: number;
  let other: number;

  appForSuite(async (booted) => {
    app = booted;
    admin = await signInAsRoot(app);
    her = await addMember(app, {
      name: '她',
      gender: 'female',
      age: 30,
      partnerPreferences: { ageMin: 30, ageMax: 35, ageImportance: 'required' },
    });
    him = await addMember(app, { name: '他', gender: 'male', age: 33 });
    other = await addMember(app, { name: '另一位', gender: 'male', age: 40 });
  });

  const match = (memberId: number, body: any = {}) => admin.post(`/members:match?filterByTk=${memberId}`).send(body);

  it('reflects a change to a member or to her preferences in the very next call', async () => {
    expect(ids(await match(her))).toEqual([him]);
    await admin.resource('members').update({ filterByTk: other, values: { birthDate: '1993-01-01' } });
    expect(ids(await match(her))).toEqual(expect.arrayContaining([him, other]));
    await admin.resource('members').update({ filterByTk: him, values: { status: 'paused' } });
    expect(ids(await match(her))).toEqual([other]);
    expect((await match(her)).body.meta.excluded.notInService).toBe(1);
    const preferences = await app.db.getRepository('partnerPreferences').findOne({ filter: { memberId: her } });
    await admin
      .resource('partnerPreferences')
      .update({ filterByTk: preferences.get('id'), values: { ageMin: 18, ageMax: 25 } });
    expect(ids(await match(her))).toEqual([]);
    await admin
      .resource('partnerPreferences')
      .update({ filterByTk: preferences.get('id'), values: { ageMin: 30, ageMax: 35 } });
    await admin.resource('members').update({ filterByTk: him, values: { status: 'inService' } });
    await admin.resource('members').destroy({ filterByTk: other });
    expect(ids(await match(her))).toEqual([him]);
  });

  it('keeps another app process on the same database from serving a stale index (it reads the change journal)', async () => {
    const otherProcess = new MemberPool(app.db);
    await otherProcess.current();
    expect(
      otherProcess.index.match(her, { limit: 5, settings: DEFAULT_SETTINGS }).results.map((r) => r.candidateId),
    ).toEqual([him]);
    const newcomer = await addMember(app, { name: '新来的', gender: 'male', age: 31 });
    await otherProcess.current();
    expect(
      otherProcess.index
        .match(her, { limit: 5, settings: DEFAULT_SETTINGS })
        .results.map((r) => r.candidateId)
        .sort(),
    ).toEqual([him, newcomer].sort());
    await app.db.getRepository('members').update({ filterByTk: newcomer, values: { doNotRecommend: true } });
    await otherProcess.current();
    expect(
      otherProcess.index.match(her, { limit: 5, settings: DEFAULT_SETTINGS }).results.map((r) => r.candidateId),
    ).toEqual([him]);
    await app.db.getRepository('members').destroy({ filterByTk: newcomer });
  });

  it('rebuilds once after a bulk write (import, seeding), not on every call while the journal row is recent', async () => {
    const pool = new MemberPool(app.db);
    await pool.current();
    const rebuild = jest.spyOn(pool as any, 'rebuild');
    await app.db.getModel('matchingChanges').create({ memberId: null, changedAt: new Date() });
    await pool.current();
    await pool.current();
    await pool.current();
    expect(rebuild).toHaveBeenCalledTimes(1);
  });

  it('writes many new suggestions as bound values, statement after statement, all or none', async () => {
    const Suggestions = app.db.getModel('matchSuggestions');
    // Quotes, a $1 and a semicolon in a value: bound, they are stored as they are.
    const note = `她说 "it's $1"; DELETE FROM matchSuggestions; --`;
    const rows = Array.from({ length: 123 }, (_, i) => ({
      memberId: her,
      candidateId: i % 2 ? him : other,
      pairKey: `insert-rows-test:${i}`,
      status: 'open',
      origin: 'batch',
      score: i + 0.25,
      breakdown: [{ criterion: 'age', title: `第 ${i} 行`, forward: 100, backward: 50 }],
      note,
    }));
    await insertRows(Suggestions, rows);
    const written = await app.db.getRepository('matchSuggestions').find({
      filter: { pairKey: { $startsWith: 'insert-rows-test:' } },
      sort: ['score'],
    });
    expect(written.map((row: any) => [row.get('pairKey'), row.get('score'), row.get('note')])).toEqual(
      rows.map((row) => [row.pairKey, row.score, note]),
    );
    expect(written[122].get('breakdown')).toEqual(rows[122].breakdown);
    // A row the database refuses (a pair key already there) leaves none of the call's rows behind.
    const refused = [
      { ...rows[0], pairKey: 'insert-rows-test:new' },
      ...Array.from({ length: 60 }, (_, i) => ({ ...rows[0], pairKey: `insert-rows-test:more:${i}` })),
      rows[5],
    ];
    await expect(insertRows(Suggestions, refused)).rejects.toThrow();
    expect(
      await app.db
        .getRepository('matchSuggestions')
        .count({ filter: { pairKey: { $startsWith: 'insert-rows-test:' } } }),
    ).toBe(123);
    await app.db
      .getRepository('matchSuggestions')
      .destroy({ filter: { pairKey: { $startsWith: 'insert-rows-test:' } } });
  });

  it('runs as an async task with progress, creates suggestions for members in service, and is safe to re-run', async () => {
    const started = await admin.post('/matchSuggestions:refreshAll').send({});
    expect(started.status).toBe(200);
    const taskId = started.body.data.id;
    const task = await endedTask(app, taskId);
    expect(task.get('status')).toBe(1);
    expect(task.get('progressCurrent')).toBe(task.get('progressTotal'));
    expect(task.get('result')).toMatchObject({ members: 2, created: 1 });
    const suggestions = await app.db.getRepository('matchSuggestions').find();
    expect(
      suggestions.map((s: any) => [s.get('memberId'), s.get('candidateId'), s.get('origin'), s.get('status')]),
    ).toEqual([[her, him, 'batch', 'open']]);
    // Written in one raw statement: it must read back as the API writes it (reasons as JSON, scores, dates, pair key).
    const { body } = await admin.resource('matchSuggestions').list({ filter: { memberId: her } });
    const [saved] = body.data;
    expect(saved).toMatchObject({
      pairKey: `${Math.min(her, him)}:${Math.max(her, him)}`,
      createdById: expect.anything(),
    });
    expect(saved.score).toBeGreaterThan(0);
    expect(Math.abs(new Date(saved.createdAt).getTime() - Date.now())).toBeLessThan(60_000);
    // The two dates are written once per statement (insertRows): the same instant, to the second (MariaDB keeps
    // NocoBase's updatedAt without milliseconds, its createdAt with them).
    const second = (date: string) => Math.floor(new Date(date).getTime() / 1000);
    expect(second(saved.updatedAt)).toBe(second(saved.createdAt));
    expect(saved.breakdown).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          criterion: 'age',
          title: expect.any(String),
          weight: { forward: expect.any(Number), backward: expect.any(Number) },
        }),
      ]),
    );

    const again = await refreshSuggestions(app.db, app.pm.get('@hongniang/plugin-matching')!['pool']);
    expect(again).toEqual({ members: 2, created: 0, rescored: 0, retired: 0 });
    expect(await app.db.getRepository('matchSuggestions').count()).toBe(1);

    // He no longer fits her: the open batch suggestion is retired on the next run.
    await app.db.getRepository('members').update({ filterByTk: him, values: { birthDate: '1980-01-01' } });
    expect(await refreshSuggestions(app.db, app.pm.get('@hongniang/plugin-matching')!['pool'])).toMatchObject({
      retired: 1,
      created: 0,
    });
    expect(await app.db.getRepository('matchSuggestions').count()).toBe(0);
  });
});
