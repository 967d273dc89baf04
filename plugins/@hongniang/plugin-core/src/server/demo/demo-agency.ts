// The demo agency: one place owns its settings, its staff accounts and the order in which every plugin adds its demo
// records (members, later introductions, dates, follow-ups…), so that `npm start` always shows a lived-in agency.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';
import demoStaff from './demo-staff.json';

export interface DemoAccount {
  username: string;
  nickname: string;
  email: string;
  /** The agency role she signs in as (manager, matchmaker, intake; finance with plugin-contracts). */
  role: string;
  /** Created only where her role exists (财务 comes with plugin-contracts): without it she would hold no agency role. */
  onlyWithRole?: boolean;
}

/** The demo agency's staff (红娘 first, so their user ids are 2, 3, 4 on a new installation), also printed by `npm start`. */
export const DEMO_STAFF: DemoAccount[] = demoStaff;

/** The staff's password: HONGNIANG_DEMO_PASSWORD, or the documented default. */
export const demoPassword = () => process.env.HONGNIANG_DEMO_PASSWORD || 'hongniang2026';

/** How many demo members a new installation gets: HONGNIANG_DEMO_MEMBERS (0 or unset: no demo agency at all). */
export const demoMembersWanted = () => Number(process.env.HONGNIANG_DEMO_MEMBERS || 0);

export interface DemoSettings {
  /** Members to add, a whole number from 1 to 1 000 000. */
  members: number;
  /** The same seed gives the same records. */
  seed: number;
  /** The staff accounts, with their user ids. */
  staff: (DemoAccount & { id: number })[];
  /** Called as records are added (done and total of this step's own unit). */
  onProgress?: (step: string, done: number, total: number) => void;
}

/** One plugin's demo records; answers a short summary ("120 members") for the command's report. */
export type DemoStep = (app: Application, settings: DemoSettings) => Promise<string | void>;

/** A registered step, and the collection whose records it adds once (see extendDemoAgency). */
interface RegisteredStep {
  step: DemoStep;
  once?: string;
}

const steps = (app: Application) => appState(app, 'demoSteps', () => new Map<string, RegisteredStep>());

/**
 * Adds a plugin's demo records to the demo agency; steps run in the order the plugins loaded (members before matching).
 * `options.once` names the collection the step fills for the whole agency (introductions, events…): when that collection
 * holds any record, the step is left out, so that `seed-demo` on an agency that has its demo already (`npm start`
 * seeds one) adds members without adding the agency's records again (they were refused: the same pairs introduced
 * twice). A step without `once` (the members) runs every time.
 */
export function extendDemoAgency(app: Application, name: string, step: DemoStep, options: { once?: string } = {}) {
  steps(app).set(name, { step, once: options.once });
}

export class DemoSettingsError extends Error {}

/**
 * The staff accounts, created when missing, each in her agency role when that role exists (it does with the access
 * plugin), that role her default; an account `onlyWithRole` is left out where her role does not exist. Answers the
 * accounts created or found, with their ids.
 */
export async function ensureDemoStaff(app: Application): Promise<DemoSettings['staff']> {
  const users = app.db.getRepository('users');
  const roles = app.db.getRepository('roles');
  const staff: DemoSettings['staff'] = [];
  for (const account of DEMO_STAFF) {
    const { role, onlyWithRole, ...values } = account;
    const roleExists = !!(await roles.findOne({ filterByTk: role }));
    if (onlyWithRole && !roleExists) continue;
    const user =
      (await users.findOne({ filter: { username: values.username } })) ||
      (await users.create({ values: { ...values, password: demoPassword() } }));
    const userId = user.get('id') as number;
    if (roleExists) {
      // Her agency role, and only it, as her default (NocoBase gives every new user the default "member" role).
      await (app.db.getRepository('users.roles', userId) as unknown as { set(keys: string[]): Promise<void> }).set([
        role,
      ]);
      await app.db
        .getRepository('rolesUsers')
        .update({ filter: { userId, roleName: role }, values: { default: true } });
    }
    staff.push({ ...account, id: userId });
  }
  return staff;
}

/**
 * Creates the demo agency, or adds members to it: its staff (those missing), then every plugin's demo records (a step
 * registered `once` only while its collection is empty). Throws DemoSettingsError when `members` is not
 * a whole number from 1 to 1 000 000. Answers each step's summary.
 */
export async function seedDemoAgency(
  app: Application,
  options: { members: number; seed?: number; onProgress?: DemoSettings['onProgress'] },
) {
  const { members, seed = 1, onProgress } = options;
  if (!Number.isInteger(members) || members < 1 || members > 1_000_000) {
    throw new DemoSettingsError(`--members must be a whole number from 1 to 1000000; got ${members}`);
  }
  const settings: DemoSettings = { members, seed, onProgress, staff: await ensureDemoStaff(app) };
  const summaries: string[] = [`${settings.staff.length} staff`];
  for (const [name, { step, once }] of steps(app)) {
    if (once && (await app.db.getRepository(once).count()) > 0) {
      summaries.push(`${name} kept (the agency has its ${once} already)`);
      continue;
    }
    const summary = await step(app, settings);
    if (summary) summaries.push(summary);
  }
  return summaries;
}
