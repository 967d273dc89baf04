// Saved SQL (flow-engine's SQL blocks and SQL-mode charts) runs for any signed-in user upstream (`flowSql:runById`,
// `flowSql:getBind` are open to "loggedIn"), with no field list and no data scope: it would read any column of any member.
// Here only the roles that may author SQL (flowSql:run through a snippet such as ui.flowSql, within the manager's ui.*) and root may run it.
import { accessLanguage, forbidden } from '../privacy/access-refusal';

export async function guardSavedSql(ctx: any, next: () => Promise<void>) {
  if (ctx.action?.resourceName === 'flowSql') {
    const roles: string[] = ctx.state?.currentRoles?.length
      ? ctx.state.currentRoles
      : [ctx.state?.currentRole].filter(Boolean);
    const mayAuthor =
      roles.includes('root') || roles.some((name) => ctx.app.acl.getRole(name)?.snippetAllowed('flowSql:run'));
    if (roles.length && !mayAuthor) {
      const { t } = accessLanguage({ context: ctx });
      throw forbidden(
        'flowSql',
        t(
          'SQL blocks and SQL charts are open only to roles that configure the interface: they bypass field permissions and data scopes',
        ),
      );
    }
  }
  await next();
}
