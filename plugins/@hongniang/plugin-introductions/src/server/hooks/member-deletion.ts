// A member in an open introduction is not deleted: the other side's matchmaker is still working it. Once it is closed,
// deleting her (PIPL erasure) takes her introductions, their consents and history with her (the foreign keys cascade).
import { DeletionCheck, MemberDeletionRefused } from '@hongniang/plugin-members';
import { introductionsLanguage } from '../language/introductions-language';

export const keepMembersOfOpenIntroductions: DeletionCheck = async (member, { transaction, context }) => {
  const id = member.get('id');
  const open = await member.constructor.collection.db.getRepository('introductions').findOne({
    filter: { openPairKey: { $ne: null }, $or: [{ memberAId: id }, { memberBId: id }] },
    transaction,
  });
  if (!open) return;
  const { t } = introductionsLanguage({ context });
  throw new MemberDeletionRefused(
    t('{{name}} is in an open introduction (no. {{id}}): end it before deleting her', {
      name: member.get('name') ?? id,
      id: open.get('id'),
    }),
  );
};
