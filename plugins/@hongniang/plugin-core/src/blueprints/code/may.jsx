// may(resource, action): whether the signed-in user's roles may call `resource:action`, from NocoBase's own answer for
// the web client (roles:check: the actions granted per collection, and the role strategy for collections without their
// own grants), asked once per block. A JS block asks it before a request her role would refuse, so that a role without
// the right (the front desk, a matchmaker before money) makes no refused request at all: a 403 is an error in the
// browser's console and in the server's log. `list` and `get` are granted as `view`. Resolves to true or false; when
// roles:check itself fails it resolves false (the section is left out, never shown half).
// Shared by the blocks that name it with a line `// @include may` (plugin-core's seed-pages.ts puts this text there).
let hongniangGrants;
async function may(resource, action) {
  hongniangGrants ??= ctx
    .request({ url: 'roles:check', method: 'get', skipNotify: true })
    .then((response) => response.data?.data || {})
    .catch(() => ({}));
  const acl = await hongniangGrants;
  if (acl.allowAll) return true;
  const granted = action === 'list' || action === 'get' ? 'view' : action;
  if (Object.keys(acl.actions || {}).includes(`${resource}:${granted}`)) return true;
  if ((acl.resources || []).includes(resource)) return false;
  return (acl.strategy?.actions || []).some((name) => String(name).split(':')[0] === granted);
}
