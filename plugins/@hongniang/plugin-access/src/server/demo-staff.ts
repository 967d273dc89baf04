// The demo agency's staff accounts: with demo members (HONGNIANG_DEMO_MEMBERS), one manager, the three matchmakers the
// members are assigned among, and one front-desk user, each in her agency role, so anyone can sign in as each role.
import { DEMO_STAFF, demoPassword } from '@hongniang/plugin-members';

export async function ensureDemoStaff(db: any) {
  const users = db.getRepository('users');
  for (const { role, ...account } of DEMO_STAFF) {
    const user = (await users.findOne({ filter: { username: account.username } })) || (await users.create({ values: { ...account, password: demoPassword() } }));
    const userId = user.get('id');
    const rolesUsers = db.getRepository('rolesUsers');
    // Her agency role, and only it, as her default (NocoBase gives every new user the default "member" role).
    await db.getRepository('users.roles', userId).set([role]);
    await rolesUsers.update({ filter: { userId, roleName: role }, values: { default: true } });
  }
}
