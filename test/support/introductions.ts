// Introductions for suites that need a pair at 双方同意 (dates need one): made through the repository, so the
// introductions plugin's hooks (stage rules, history) run as on any write.
import { MockServer } from '@nocobase/test';

/** Creates an introduction of members `a` (side A) and `b` and records both sides' 同意; resolves to its id. */
export async function agreedIntroduction(app: MockServer, a: number, b: number): Promise<number> {
  const repository = (name: string) => app.db.getRepository(name);
  const id = (await repository('introductions').create({ values: { memberAId: a, memberBId: b } })).get('id');
  await repository('introductionConsents').createMany({
    records: [
      { introductionId: id, memberId: a, answer: 'agreed' },
      { introductionId: id, memberId: b, answer: 'agreed' },
    ],
  });
  return id as number;
}

// Introductions dated in the past, for suites that count by month (reports): the server dates each record now, and
// these move the dates back without hooks, as if the step had happened then.

/** Dates the history row of the introduction's move to `stage` at `at`. */
export const reachedAt = (app: MockServer, introduction: number, stage: string, at: Date) =>
  app.db
    .getModel('introductionStageChanges')
    .update(
      { changedAt: at },
      { where: { introductionId: introduction, event: 'stage', toStage: stage }, hooks: false },
    );

/** Dates the introduction's creation at `at`. */
export const startedAt = (app: MockServer, introduction: number, at: Date) =>
  app.db
    .getModel('introductions')
    .update({ createdAt: at }, { where: { id: introduction }, silent: true, hooks: false });

/** Moves the introduction to `stage` (through its rules) and dates the move at `at`. */
export async function moveTo(app: MockServer, introduction: number, stage: string, at: Date) {
  await app.db.getRepository('introductions').update({ filterByTk: introduction, values: { stage } });
  await reachedAt(app, introduction, stage, at);
}

/** A date of the introduction that took place at `startsAt`, with each [member, satisfaction] feedback; its id. */
export async function completedDate(
  app: MockServer,
  introduction: number,
  startsAt: Date,
  feedback: [number, number][],
) {
  const date = await app.db.getRepository('dates').create({
    values: { introductionId: introduction, startsAt, durationMinutes: 60, place: '咖啡馆', status: 'completed' },
  });
  for (const [memberId, satisfaction] of feedback)
    await app.db.getRepository('dateFeedback').create({ values: { dateId: date.get('id'), memberId, satisfaction } });
  return date.get('id') as number;
}
