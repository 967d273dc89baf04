// The introductions' part of the demo agency (plugin-core's extendDemoAgency): introductions in every stage, written
// through the same rules as by hand — each side's consent recorded by that side's matchmaker, stages one step at a time —
// then dated back, so the board shows cards that have waited for days.
import { DemoSettings } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';
import { DEMO_INTRODUCTIONS, DemoIntroductionPlan, PATH_TO } from './demo-plan';

const DAY = 86_400_000;

interface DemoMember {
  id: number;
  gender: string;
  age: number | null;
  matchmakerId: number | null;
}

/**
 * Adds the introductions of DEMO_INTRODUCTIONS between demo members (a woman and a man of suitable ages, each member in
 * at most one), assigned so that each matchmaker has cards on the board. Answers "N introductions", or nothing when the
 * archive has too few members of either gender.
 */
export async function seedDemoIntroductions(app: Application, settings: DemoSettings) {
  const matchmakers = settings.staff.filter((person) => person.role === 'matchmaker').map((person) => person.id);
  const members = (await app.db.getModel('members').findAll({
    attributes: ['id', 'gender', 'age', 'matchmakerId'],
    where: { status: ['new', 'inService'] },
    order: [['id', 'ASC']],
    raw: true,
  })) as unknown as DemoMember[];
  const pairs = choosePairs(members, matchmakers, DEMO_INTRODUCTIONS);
  for (const [i, plan] of DEMO_INTRODUCTIONS.entries()) {
    if (pairs[i]) await introduce(app, plan, pairs[i]);
    settings.onProgress?.('introductions', i + 1, DEMO_INTRODUCTIONS.length);
  }
  const made = pairs.filter(Boolean).length;
  return made ? `${made} introductions` : undefined;
}

/** For each plan, a woman (side A) and a man (side B) not used before, 0–6 years apart, by the plan's matchmakers. */
function choosePairs(members: DemoMember[], matchmakers: number[], plans: DemoIntroductionPlan[]) {
  const used = new Set<number>();
  const ofMatchmaker = (gender: string, matchmakerId: number) =>
    members.filter((member) => member.gender === gender && member.matchmakerId === matchmakerId);
  return plans.map((plan, i) => {
    const mine = matchmakers[i % matchmakers.length];
    const theirs = plan.sameMatchmaker ? mine : matchmakers[(i + 1) % matchmakers.length];
    const woman = ofMatchmaker('female', mine).find((member) => !used.has(member.id));
    if (!woman) return null;
    const man = ofMatchmaker('male', theirs).find(
      (member) =>
        !used.has(member.id) &&
        (woman.age == null || member.age == null || (member.age - woman.age >= 0 && member.age - woman.age <= 6)),
    );
    if (!man) return null;
    used.add(woman.id);
    used.add(man.id);
    return { a: woman, b: man };
  });
}

/** As a request by that matchmaker would (the rules read who is acting from the request). */
const asStaff = (app: Application, userId: number | null) => ({ app, state: { currentUser: { id: userId } } });

async function introduce(app: Application, plan: DemoIntroductionPlan, pair: { a: DemoMember; b: DemoMember }) {
  const db = app.db;
  const byA = asStaff(app, pair.a.matchmakerId);
  const byB = asStaff(app, pair.b.matchmakerId);
  const introductions = db.getRepository('introductions');
  const consents = db.getRepository('introductionConsents');
  const introduction = await introductions.create({
    values: { memberAId: pair.a.id, memberBId: pair.b.id, note: plan.note },
    context: byA,
  });
  const id = introduction.get('id') as number;
  const answer = (member: DemoMember, value: string, context: any) =>
    consents.create({
      values: { introductionId: id, memberId: member.id, answer: value, channel: 'phone' },
      context,
    });
  const move = (stage: string, context: any, values: Record<string, unknown> = {}) =>
    introductions.update({ filterByTk: id, values: { stage, ...values }, context });

  if (plan.stage === 'recommendedToA') {
    await answer(pair.a, 'considering', byA);
  } else if (plan.stage === 'recommendedToB') {
    await answer(pair.a, plan.answerA ?? 'agreed', byA);
    await move('recommendedToB', byA);
  } else if (plan.stage === 'ended' && plan.endReason === 'sideDeclined') {
    await answer(pair.a, 'agreed', byA);
    await move('recommendedToB', byA);
    await answer(pair.b, 'declined', byB);
  } else {
    // Both agree (the rules move it to 双方同意), then a date, its feedback and onwards, as the rules require.
    await answer(pair.a, 'agreed', byA);
    await move('recommendedToB', byA);
    await answer(pair.b, 'agreed', byB);
    const reached = plan.stage === 'ended' && plan.endReason === 'lostContact' ? 'bothAgreed' : plan.stage;
    if (reached === 'bothAgreed') {
      // The first date is being arranged: in a few days.
      if (plan.sameMatchmaker) await arrange(app, id, byA, inDays(2, 19), 'scheduled');
    } else {
      // A date that took place (completing it brings the introduction to 已约见).
      await arrange(app, id, byA, inDays(-(plan.inStageDays + 1), 19), 'completed');
      const dateId = await lastDateOf(app, id);
      if (plan.stage === 'ended') {
        await feedback(app, dateId, pair.a, byA, { wantsToContinue: 'yes', satisfaction: 4 });
        await feedback(app, dateId, pair.b, byB, {
          wantsToContinue: 'no',
          satisfaction: 2,
          reasons: ['finances', 'communication'],
          comment: '觉得双方消费观念差异较大',
        });
      } else if (reached !== 'met') {
        // Both want to go on (交往中), then the later stages one step at a time.
        await feedback(app, dateId, pair.a, byA, { wantsToContinue: 'yes', satisfaction: 5 });
        await feedback(app, dateId, pair.b, byB, { wantsToContinue: 'yes', satisfaction: 4 });
        for (const stage of PATH_TO[reached].slice(4)) await move(stage, byA);
        if (reached === 'dating') await arrange(app, id, byB, inDays(5, 14), 'scheduled');
      }
    }
    if (plan.stage === 'ended' && plan.endReason === 'lostContact')
      await move('ended', byA, { endReason: plan.endReason, endNote: plan.endNote ?? null });
  }
  await dateBack(app, id, plan);
}

/** `days` from today (negative: ago) at `hour` o'clock. */
const inDays = (days: number, hour: number) => {
  const at = new Date(Date.now() + days * DAY);
  at.setHours(hour, 0, 0, 0);
  return at;
};

/** A date of the introduction, arranged by that side's matchmaker. */
const arrange = (app: Application, introductionId: number, context: any, startsAt: Date, status: string) =>
  app.db.getRepository('dates').create({
    values: { introductionId, startsAt, durationMinutes: 120, place: '星巴克（万达广场店）', status },
    context,
  });

const lastDateOf = async (app: Application, introductionId: number) =>
  (await app.db.getRepository('dates').findOne({ filter: { introductionId }, sort: ['-id'] })).get('id') as number;

/** One side's feedback on a date, recorded by her matchmaker. */
const feedback = (
  app: Application,
  dateId: number,
  member: DemoMember,
  context: any,
  values: Record<string, unknown>,
) => app.db.getRepository('dateFeedback').create({ values: { dateId, memberId: member.id, ...values }, context });

/**
 * Spreads the introduction's history over its plan's days: started `startedDaysAgo`, last changed `inStageDays` ago,
 * the steps between evenly. Bookkeeping only (no rule depends on these times), written past the hooks.
 */
async function dateBack(app: Application, id: number, plan: DemoIntroductionPlan) {
  const now = Date.now();
  const started = new Date(now - plan.startedDaysAgo * DAY);
  const lastChange = new Date(now - plan.inStageDays * DAY);
  const history = app.db.getModel('introductionStageChanges');
  const rows: any[] = await history.findAll({ where: { introductionId: id }, order: [['id', 'ASC']] });
  const span = lastChange.getTime() - started.getTime();
  for (const [i, row] of rows.entries()) {
    const at = rows.length === 1 ? started : new Date(started.getTime() + (span * i) / (rows.length - 1));
    await history.update({ changedAt: at }, { where: { id: row.id }, hooks: false, silent: true });
  }
  await app.db.getModel('introductions').update(
    {
      createdAt: started,
      stageChangedAt: lastChange,
      ...(plan.stage === 'ended' ? { endedAt: lastChange } : {}),
    },
    { where: { id }, hooks: false, silent: true },
  );
}
