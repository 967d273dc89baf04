// A month's KPI records carry the manager's rating of that month (serviceRating, serviceComment), closed or not: a
// rating is her judgment of the month, usually given after it ended, not one of the figures frozen at closing.
import { Op } from '@nocobase/database';

async function copyRating(db: any, matchmakerId: unknown, month: unknown, rating: any, transaction?: any) {
  if (matchmakerId == null || month == null) return;
  await db
    .getModel('matchmakerMonths')
    .update(
      { serviceRating: rating?.get('score') ?? null, serviceComment: rating?.get('comment') ?? null },
      { where: { matchmakerId: { [Op.eq]: matchmakerId }, month: { [Op.eq]: month } }, transaction },
    );
}

export function keepRatingsInMonths(db: any) {
  db.on('serviceRatings.afterSave', async (rating: any, options: any) => {
    const [matchmakerId, month] = [rating.get('matchmakerId'), rating.get('month')];
    // Moved to another matchmaker or month: the record it left no longer carries it.
    const [wasMatchmaker, wasMonth] = [rating.previous('matchmakerId'), rating.previous('month')];
    if ((wasMatchmaker != null && wasMatchmaker !== matchmakerId) || (wasMonth != null && wasMonth !== month))
      await copyRating(db, wasMatchmaker ?? matchmakerId, wasMonth ?? month, null, options.transaction);
    await copyRating(db, matchmakerId, month, rating, options.transaction);
  });
  db.on('serviceRatings.afterDestroy', (rating: any, options: any) =>
    copyRating(db, rating.get('matchmakerId'), rating.get('month'), null, options.transaction),
  );
}
