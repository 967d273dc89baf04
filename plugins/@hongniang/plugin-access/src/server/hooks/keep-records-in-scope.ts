// A record that belongs to a member (her partner preferences, a suggestion about her, and whatever later collections
// add) may be written only where it stays in the writer's reach. NocoBase scopes which rows an update may touch, but
// neither what a create may name (`partnerPreferences:create {memberId: <not hers>}`) nor where an update leaves a
// row (`memberId` changed), nor writes through an association route (`members/8/partnerPreferences:update`).
// After each such write, inside its transaction, the row must match the caller's update scope; if not, all is undone.
import { accessLanguage } from '../privacy/access-refusal';
import { AccessRegistry } from '../agency/registry';
import { scopeOf } from '@hongniang/plugin-core';
import { allWithin, targetKeyOf } from '../privacy/record-scope';
import { outOfScope } from '../privacy/record-refusal';
import { isAgencyCollection, requestedCollection } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

export function keepRecordsInScope(db: any, registry: AccessRegistry) {
  db.on('afterSave', async (record: any, options: any) => {
    const ctx = options?.context;
    const collection = record?.constructor?.collection;
    if (!ctx?.action || !viewerOf(ctx) || !isAgencyCollection(collection)) return;
    // Members themselves follow their own rules (a matchmaker may register a member for a colleague).
    if (registry.ownerKey(collection.name)) return;
    // Sub-records written inside a member's own create or update are checked with that member (guard-writes).
    if (requestedCollection(ctx)?.name !== collection.name) return;
    const scope = await scopeOf(ctx, collection.name, 'update');
    // A role that may create such records but never update them has no notion of "hers" to keep.
    if (!scope) return;
    const key = targetKeyOf(collection);
    if (!(await allWithin(ctx, collection, scope, [record.get(key)], options.transaction)))
      throw outOfScope(collection, accessLanguage(options));
  });
}
