// Kanban drags (`move`) are an ACL alias of update, yet NocoBase's handler reads `sourceId` and `targetId` without the
// role's data scope: a matchmaker could reorder, and re-group, another matchmaker's member. Here both must be in reach.
import { accessLanguage } from '../privacy/access-refusal';
import { allWithin, scopeOf } from '../privacy/record-scope';
import { outOfScope } from '../privacy/record-refusal';
import { requestedCollection } from '../privacy/request-fields';
import { viewerOf } from '../privacy/viewer';

export async function guardMoves(ctx: any, next: () => Promise<void>) {
  const collection = ctx.action?.actionName === 'move' && viewerOf(ctx) ? requestedCollection(ctx) : undefined;
  if (collection) {
    const { sourceId, targetId } = ctx.action.params;
    const scope = await scopeOf(ctx, collection.name, 'update');
    // No update permission at all: the ACL answers 403 right after.
    if (scope && !(await allWithin(ctx, collection, scope, [sourceId, targetId])))
      throw outOfScope(collection, accessLanguage({ context: ctx }));
  }
  await next();
}
