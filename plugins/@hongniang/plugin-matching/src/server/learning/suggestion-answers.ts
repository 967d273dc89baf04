// A declined suggestion (一方拒绝) whose declining side is known, as that side's answer about the other: a no (plugin-core's
// answers registry, read by the learned signals like introductions' answers). 已采纳 and 不合适 are the matchmaker's
// judgement, not a member's answer; a decline without its side names no one who answered: neither is learned from.
import { Application } from '@nocobase/server';
import { Op } from '@nocobase/database';
import { AnswerProvider, MemberAnswer, answersChanged } from '@hongniang/plugin-core';
import { pairKey } from '../matching/suggestions';

const PAGE = 2000;
const ATTRIBUTES = ['id', 'memberId', 'candidateId', 'declinedBy', 'createdAt'];

function answerOf(row: any): MemberAnswer {
  const [memberId, partnerId] =
    row.declinedBy === 'candidate' ? [row.candidateId, row.memberId] : [row.memberId, row.candidateId];
  return {
    memberId: Number(memberId),
    partnerId: Number(partnerId),
    answer: 'no',
    step: 'suggestion',
    at: new Date(row.createdAt),
    source: 'matchSuggestions',
    sourceId: Number(row.id),
  };
}

const declined = { status: 'declined', declinedBy: ['member', 'candidate'] };

export const suggestionAnswers: AnswerProvider = {
  async *all(db) {
    let after = 0;
    for (;;) {
      const rows: any[] = await db.getModel('matchSuggestions').findAll({
        where: { ...declined, id: { [Op.gt]: after } },
        attributes: ATTRIBUTES,
        order: [['id', 'ASC']],
        limit: PAGE,
        raw: true,
      });
      if (!rows.length) return;
      yield rows.map(answerOf);
      after = Number(rows[rows.length - 1].id);
    }
  },

  async between(db, memberId, partnerId) {
    const rows: any[] = await db.getModel('matchSuggestions').findAll({
      where: { ...declined, pairKey: pairKey(memberId, partnerId) },
      attributes: ATTRIBUTES,
      raw: true,
    });
    return rows.map(answerOf).filter((answer) => answer.memberId === memberId);
  },
};

/** Tells the listeners when a suggestion's decline or its side changes, or a suggestion goes: both directions of its pair. */
export function announceSuggestionAnswers(app: Application) {
  const changed = (suggestion: any, options: any) => {
    const memberId = Number(suggestion.get('memberId'));
    const candidateId = Number(suggestion.get('candidateId'));
    return answersChanged(
      app,
      [
        { memberId, partnerId: candidateId },
        { memberId: candidateId, partnerId: memberId },
      ],
      { transaction: options.transaction },
    );
  };
  app.db.on('matchSuggestions.afterUpdate', (suggestion: any, options: any) => {
    if (suggestion.changed('status') || suggestion.changed('declinedBy')) return changed(suggestion, options);
  });
  app.db.on('matchSuggestions.afterDestroy', (suggestion: any, options: any) => {
    if (suggestion.get('status') === 'declined') return changed(suggestion, options);
  });
}
