// A member names the organisation that referred her only when her source channel is 合作机构, on every path that saves
// members: one member (forms, API, association routes), members created together (Excel import, with their Excel row
// numbers), an update by condition that sets the organisation or the channel (then checked member by member).
// NocoBase's import links a member to the organisation named in a 合作机构 column only after inserting her (its
// updateAssociations saves her again, without the request): her row and the request are remembered at the insert.
import { Language, Refusal, fieldTitle } from '@hongniang/plugin-core';
import { RowProblem, rowNumbering, rowsRefused, vocabulary } from '@hongniang/plugin-members';
import { partnersLanguage } from '../language/partners-language';
import { labelOf } from '../language/vocabulary';

/** The source channel of members referred by a partner organisation (plugin-members' vocabulary). */
export const FROM_PARTNER = 'partner';
const LINK = 'partnerOrganisationId';
const touches = (model: any) => model.isNewRecord || model.changed(LINK) || model.changed('sourceChannel');

/** Members of an import being written: their Excel row and the request, for the save that links them (see above). */
const importedRows = new WeakMap<object, { row: number; context: any }>();

/** Checks one member about to be saved; throws a `Refusal` naming 合作机构 (400; 404 no such organisation). */
export async function checkMemberLink(db: any, model: any, options: any) {
  if (!touches(model)) return;
  const imported = importedRows.get(model);
  const language = partnersLanguage(imported ? { context: imported.context } : options);
  const problem = await problemOf(db, model, options, language);
  if (problem) throw imported ? rowsRefused([{ row: imported.row, error: problem }], language) : problem;
}

/** Checks members created together; every bad row is named (as Excel numbers it in an import). */
export async function checkMemberLinksInBulk(db: any, models: any[], options: any) {
  const language = partnersLanguage(options);
  const rowOf = rowNumbering(options);
  const problems: RowProblem[] = [];
  for (const [i, model] of models.entries()) {
    if (options?.context) importedRows.set(model, { row: rowOf(i), context: options.context });
    const error = await problemOf(db, model, options, language);
    if (error) problems.push({ row: rowOf(i), error });
  }
  if (problems.length) throw rowsRefused(problems, language);
}

/** An update by condition that sets the organisation or the channel is checked member by member (beforeUpdate). */
export function checkLinksOfBulkUpdates(options: any) {
  const attributes = options?.attributes || {};
  if (LINK in attributes || 'partnerOrganisation' in attributes || 'sourceChannel' in attributes)
    options.individualHooks = true;
}

async function problemOf(db: any, model: any, options: any, language: Language): Promise<Refusal | null> {
  const organisationId = model.get(LINK);
  if (organisationId == null) return null;
  const members = db.getCollection('members');
  const field = fieldTitle(members, 'partnerOrganisation', language);
  const channel = model.get('sourceChannel');
  if (channel !== FROM_PARTNER)
    return new Refusal(
      language.t(
        '{{field}} is only for members whose {{channelField}} is {{partner}} (this one: {{channel}}); set the channel to {{partner}} or leave {{field}} empty',
        {
          field,
          channelField: fieldTitle(members, 'sourceChannel', language),
          partner: labelOf(vocabulary.sourceChannel, FROM_PARTNER, language.locale),
          channel: channel ? labelOf(vocabulary.sourceChannel, channel, language.locale) : language.t('none'),
        },
      ),
      { field: 'partnerOrganisation' },
    );
  const organisation = await db.getModel('partnerOrganisations').findByPk(organisationId, {
    attributes: ['id'],
    transaction: options?.transaction,
  });
  if (!organisation)
    return new Refusal(
      language.t('{{field}}: there is no partner organisation with number {{id}}', { field, id: organisationId }),
      { field: 'partnerOrganisation', status: 404 },
    );
  return null;
}
