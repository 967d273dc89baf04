import { Application } from '@nocobase/server';
import path from 'path';

/** The app's name on the sign-in page, in the browser tab and beside the logo. */
export const APP_TITLE = '红娘';
// assets/ sits beside src/ and dist/, so the same path serves the TypeScript sources and the build.
const LOGO = path.resolve(__dirname, '../../../assets/logo.png');

type FrontDoorDefault = (app: Application) => Promise<void>;

/** What an agency's front door shows on its first day; each is applied once, and an admin may change it afterwards. */
const DEFAULTS: Record<string, FrontDoorDefault> = {
  'sign-up-off': closeSelfSignUp,
  'agency-title-and-logo': showAgencyName,
};

/**
 * Applies each front-door default this installation has not had yet, and records it in appliedDefaults: at install,
 * and at the first upgrade of an agency installed before (./migrations). What an admin turns back on later stays on.
 */
export async function applyFrontDoorDefaults(app: Application) {
  const applied = app.db.getRepository('appliedDefaults');
  for (const [name, apply] of Object.entries(DEFAULTS)) {
    if (await applied.findOne({ filter: { name } })) continue;
    await apply(app);
    await applied.create({ values: { name } });
  }
}

/** Staff accounts are created by an admin: the sign-in page offers no 注册账号 (the member portal will have its own way in). */
async function closeSelfSignUp(app: Application) {
  const authenticators = app.db.getRepository('authenticators');
  for (const authenticator of await authenticators.find({ filter: { authType: 'Email/Password' } })) {
    const options = authenticator.get('options') || {};
    await authenticators.update({
      filterByTk: authenticator.get('id'),
      values: { options: { ...options, public: { ...options.public, allowSignUp: false } } },
    });
  }
}

/** The app says 红娘, in its title and its logo, instead of NocoBase. */
async function showAgencyName(app: Application) {
  const settings = app.db.getRepository('systemSettings');
  if (!(await settings.findOne({ filterByTk: 1 }))) return;
  await settings.update({ filterByTk: 1, values: { title: APP_TITLE } });
  const fileManager = app.pm.get<any>('file-manager');
  try {
    const logo = await fileManager?.createFileRecord({
      filePath: LOGO,
      collectionName: 'attachments',
      values: { title: 'hongniang-logo', extname: '.png', mimetype: 'image/png' },
    });
    if (logo) await settings.update({ filterByTk: 1, values: { logo: logo.get('id') } });
  } catch (error) {
    // Without a file storage the title alone says 红娘; a missing logo never keeps the app from starting.
    app.log.warn(`[hongniang] the 红娘 logo was not stored: ${(error as Error).message}`);
  }
}
