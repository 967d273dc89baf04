// NocoBase's kanban `move` writes through the repository without the request (no `options.context`): the stage rules
// would not know who moved the card nor in which language to refuse. Each request on our collections is remembered for
// the database hooks it causes.
import { AsyncLocalStorage } from 'async_hooks';
import { INTRODUCTION_COLLECTIONS } from '../our-collections';

const requests = new AsyncLocalStorage<any>();

export async function rememberRequest(ctx: any, next: () => Promise<void>) {
  const resource = String(ctx.action?.resourceName || '');
  const touches = resource.split('.').some((name) => INTRODUCTION_COLLECTIONS.includes(name));
  if (!touches) return next();
  return requests.run(ctx, next);
}

/** The request behind a database operation: the one NocoBase passed, else the one being served (a `move`). */
export const requestOf = (options: any) => options?.context ?? requests.getStore();

/** Options carrying the request, for the language and the user of a hook. */
export const withRequest = (options: any) => ({ context: requestOf(options) });

/** The signed-in user behind a database operation, or null (a script, a workflow). */
export const callerId = (options: any): number | null => {
  const id = requestOf(options)?.state?.currentUser?.id;
  return id == null ? null : Number(id);
};
