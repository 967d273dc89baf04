import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  extendDemoAgency,
  registerInCollectionManager,
} from '@hongniang/plugin-core';
import { withDateDefaults, withIntroductionDefaults } from '@hongniang/plugin-introductions';
import { withMemberPopupDefaults } from '@hongniang/plugin-members';
import { sweepNowAction } from './actions/sweep-now';
import { seedDemoFollowUps } from './demo/seed-demo';
import { applyFollowUp } from './hooks/follow-up-effects';
import { checkFollowUp } from './hooks/follow-up-rules';
import { closeRemindersAsWorkIsDone } from './hooks/reminder-closing';
import { ReminderKinds } from './reminders/kind-registry';
import { ReminderSweeper } from './reminders/sweeper';
import { checkReminderSettings, seedReminderSettings } from './reminders/settings';
import { DAY_PAGE, FOLLOW_UPS_ACCESS, TEAM_PAGE } from './roles';
import { ensureReminderChannel } from './setup/notification-channel';
import { seedReminderWorkflows } from './setup/reminder-workflows';

/** Ours, in the collection manager (reminderSweeps is the server's bookkeeping, not shown). */
export const MANAGED_COLLECTIONS = ['followUps', 'reminders', 'reminderSettings'];

/**
 * Follow-ups (回访记录) and reminders (提醒): the sweep finds what fell due (next follow-up, no contact, a date tomorrow,
 * feedback to collect, birthdays, memberships ending, interviews due, introductions waiting), writes each occurrence
 * once, and NocoBase workflows (one per kind, seeded as data) send it as an in-app message. See docs/reminders.md.
 */
export class PluginFollowUpsServer extends Plugin {
  /** The kinds swept, each with its workflow: another plugin adds its own with `reminderKinds.add` in its `load`. */
  readonly reminderKinds = new ReminderKinds();
  sweeper = new ReminderSweeper(this.app, this.reminderKinds);

  async load() {
    declareAccess(this.app, this.name, FOLLOW_UPS_ACCESS);
    // A follow-up: whose member, dated, then the member's last contact and next date, and the reminders it answers.
    this.db.on('followUps.beforeSave', (model: any, options: any) => checkFollowUp(this.db, model, options));
    this.db.on('followUps.afterCreate', (model: any, options: any) => applyFollowUp(this.db, model, options));
    this.db.on('reminderSettings.beforeSave', (model: any, options: any) =>
      checkReminderSettings(this.db, model, options),
    );
    closeRemindersAsWorkIsDone(this.db);
    // The demo agency: past follow-ups, and members due today (after the members and introductions).
    extendDemoAgency(this.app, 'follow-ups', seedDemoFollowUps, { once: 'followUps' });
    // 我的今日 and 团队待办 (src/blueprints): their members open as on the member page; 我的今日's dates and introductions
    // take the field groups of 约会日历 and 牵线看板.
    for (const extension of [withMemberPopupDefaults, withDateDefaults, withIntroductionDefaults])
      extendBlueprint(this.app, DAY_PAGE, extension);
    extendBlueprint(this.app, TEAM_PAGE, withMemberPopupDefaults);
    // Sweeping: at start (the catch-up of what fell due while stopped), then every minute; stopped with the app.
    this.app.on('afterStart', () => this.sweeper.start());
    // 立即检查 (POST reminders:sweep) for a manager: checked in the handler (whoever sees every reminder).
    this.app.resourceManager.registerActionHandlers({ 'reminders:sweep': sweepNowAction(this.sweeper) });
    this.app.acl.allow('reminders', 'sweep', 'loggedIn');
    this.app.on('beforeStop', async () => {
      this.sweeper.stop();
      await this.sweeper.idle();
    });
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, [...MANAGED_COLLECTIONS, 'reminderSweeps']);
    await this.seed();
  }

  /** Every upgrade (`npm start` on an existing database too): indexes, and what an admin has not got yet. */
  async upgrade() {
    await ensureIndexes(this.app, [...MANAGED_COLLECTIONS, 'reminderSweeps']);
    await this.seed();
  }

  /** The settings record, the in-app channel and the reminder workflows, each created once (an admin's edits are kept). */
  private async seed() {
    await seedReminderSettings(this.db);
    await ensureReminderChannel(this.db);
    await seedReminderWorkflows(this.db, this.reminderKinds.workflows());
  }
}

export default PluginFollowUpsServer;
