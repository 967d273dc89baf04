// A member's 红娘 is chosen from the agency's matchmakers by name. NocoBase's association select lists every user (the
// admin and the front desk too); each picker of a record's owner on the seeded pages gets a data scope: users holding
// the role whose members they are. flowSurfaces' public settings have no data scope for a field, so the picker's own
// step (selectSettings.dataScope, as its settings menu saves it) is written into its flow model.
import { flowModelsUsing, patchFlowModel } from '@hongniang/plugin-core';
import { Application } from '@nocobase/server';
import { AGENCY_ROLES } from '../agency/agency-roles';
import { AccessRegistry } from '../agency/registry';

/** The role whose users own (are assigned) members: agency-roles.ts's 红娘, who owns what she creates. */
export const OWNER_ROLE = AGENCY_ROLES.find((role) => role.ownsWhatSheCreates)!.name;

/** Association selects in forms and filter forms. */
const PICKERS = ['RecordSelectFieldModel', 'FilterFormRecordSelectFieldModel'];

/** Per private collection, the belongsTo whose foreign key says whose a record is (members → matchmaker). */
function ownerAssociations(app: Application, registry: AccessRegistry): Map<string, string> {
  const found = new Map<string, string>();
  for (const [collectionName, { ownerKey: foreignKey }] of Object.entries(registry.privateCollections())) {
    const fields: any[] = [...(app.db.getCollection(collectionName)?.fields.values() || [])];
    const owner = fields.find((field) => field.type === 'belongsTo' && field.foreignKey === foreignKey);
    if (owner) found.set(collectionName, owner.name);
  }
  return found;
}

/** The data scope an owner picker gets: users holding OWNER_ROLE (NocoBase's filter group, as the settings menu writes it). */
export const OWNER_SCOPE = { logic: '$and', items: [{ path: 'roles.name', operator: '$eq', value: OWNER_ROLE }] };

/**
 * Gives every owner picker on the pages (members.matchmaker in forms and filter forms, of any plugin's page) the OWNER_SCOPE data scope. A
 * picker whose data scope an admin has set keeps it. Resolves when done; touches flow models only.
 */
export async function offerOwnersByName(app: Application, registry: AccessRegistry) {
  const owners = ownerAssociations(app, registry);
  for (const { uid, model } of await flowModelsUsing(app, PICKERS)) {
    const init = model.stepParams?.fieldSettings?.init || {};
    if (owners.get(init.collectionName) !== init.fieldPath) continue;
    if (model.stepParams?.selectSettings?.dataScope?.filter) continue;
    await patchFlowModel(app, uid, {
      stepParams: {
        ...model.stepParams,
        selectSettings: { ...model.stepParams?.selectSettings, dataScope: { filter: OWNER_SCOPE } },
      },
    });
  }
}
