// The contract an action of ours is about: `filterByTk` in the query string, within the caller's reach.
import { Refusal } from '@hongniang/plugin-core';
import { contractsLanguage } from '../language/contracts-language';

/**
 * The contract named by the request's `filterByTk` (a positive whole number), as a plain object, looked up within the
 * data scope NocoBase's ACL merged into the request (a matchmaker's own members' contracts). Throws a `Refusal` naming
 * `filterByTk`: 400 when it is missing or not an id, 404 when no contract in her reach has it (whether or not it exists).
 */
export async function contractOfRequest(ctx: any): Promise<Record<string, any>> {
  const language = contractsLanguage({ context: ctx });
  const raw = ctx.action.params.filterByTk;
  const id = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (!Number.isSafeInteger(id) || id <= 0)
    throw new Refusal(
      language.t('Say which contract: filterByTk must be a contract id (a positive whole number), not "{{value}}"', {
        value: raw ?? '',
      }),
      { field: 'filterByTk' },
    );
  const contract = await ctx.db
    .getRepository('contracts')
    .findOne({ filterByTk: id, filter: ctx.action.params.filter, appends: ['member'] });
  if (!contract)
    throw new Refusal(language.t('There is no contract with number {{id}}', { id }), {
      field: 'filterByTk',
      status: 404,
    });
  return contract.toJSON();
}
