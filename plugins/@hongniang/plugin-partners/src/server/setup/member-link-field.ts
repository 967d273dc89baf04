import { Application } from '@nocobase/server';

/**
 * An agency installed before this plugin keeps a copy of `members` in the collection manager, without 合作机构: the
 * field is added to that copy as the code defines it (collections/members.ts), so the collection manager and the UI's
 * field pickers show it. Nothing when the copy has it, or when members are not in the collection manager.
 */
export async function registerMemberLinkField(app: Application) {
  const fields = app.db.getRepository('fields');
  const registered = await app.db.getRepository('collections').findOne({ filter: { name: 'members' } });
  if (!fields || !registered) return;
  if (await fields.findOne({ filter: { collectionName: 'members', name: 'partnerOrganisation' } })) return;
  const field = app.db.getCollection('members').getField('partnerOrganisation');
  await fields.create({ values: { ...field.options, name: 'partnerOrganisation', collectionName: 'members' } });
}
