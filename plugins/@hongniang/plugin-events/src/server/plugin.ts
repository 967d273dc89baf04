import { Plugin } from '@nocobase/server';
import {
  declareAccess,
  ensureIndexes,
  extendBlueprint,
  extendDemoAgency,
  registerInCollectionManager,
  rowByRow,
} from '@hongniang/plugin-core';
import { ReminderWorkflowDefinition } from '@hongniang/plugin-follow-ups';
import { withMemberPopupDefaults } from '@hongniang/plugin-members';
import { suggestFromInterests } from './actions/suggest-from-interests';
import { suggestInvitees } from './actions/suggest-invitees';
import { seedDemoEvents } from './demo/seed-demo';
import { checkEvent } from './hooks/event-rules';
import { checkInterest } from './hooks/interest-rules';
import { checkInvitation } from './hooks/invitation-rules';
import { label } from './language/vocabulary';
import { finishEventButtons } from './pages/event-buttons';
import { eventTomorrow } from './reminders/event-tomorrow';
import { EVENT_ACTIONS, EVENTS_ACCESS, EVENTS_PAGE } from './roles';
import EVENT_REMINDER_WORKFLOW from './workflows/event-reminder-workflow.json';

/** Ours, in the collection manager. */
export const MANAGED_COLLECTIONS = ['events', 'eventInvitations', 'eventInterests'];

/** Each collection's rules, run on every write path. */
const RULES: Record<string, (db: any, model: any, options: any) => Promise<void>> = {
  events: checkEvent,
  eventInvitations: checkInvitation,
  eventInterests: checkInterest,
};

/**
 * Events (活动): themed salons, outings and talks; 邀请合适会员 (events:suggestInvitees) ranks the caller's members by
 * the interests they share with an event; invitations with seats and attendance; interest after the event turned into
 * match suggestions (events:suggestFromInterests); 明日活动 reminders through follow-ups' sweep. See docs/events.md.
 */
export class PluginEventsServer extends Plugin {
  async load() {
    declareAccess(this.app, this.name, EVENTS_ACCESS);
    this.enforceOnEveryPath();
    this.answerOwnActions();
    // 明日活动: swept with follow-ups' reminder kinds, delivered by its own seeded workflow.
    (this.app.pm.get('@hongniang/plugin-follow-ups') as any).reminderKinds.add(
      eventTomorrow,
      EVENT_REMINDER_WORKFLOW as ReminderWorkflowDefinition,
    );
    // 活动 (src/blueprints): members grouped as in 会员列表 wherever flowSurfaces generates a form or popup for one; its JS
    // buttons get their icons once the page is created.
    extendBlueprint(this.app, EVENTS_PAGE, withMemberPopupDefaults, finishEventButtons);
    // The demo agency: an event in five days with invitations, a past one with attendance and a mutual pair.
    extendDemoAgency(this.app, 'events', seedDemoEvents, { once: 'events' });
  }

  async install() {
    await registerInCollectionManager(this.app, MANAGED_COLLECTIONS);
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  async upgrade() {
    await ensureIndexes(this.app, MANAGED_COLLECTIONS);
  }

  /** The rules on creates and updates, one record or many (imports and updates by filter run them row by row). */
  private enforceOnEveryPath() {
    for (const [collection, check] of Object.entries(RULES)) {
      rowByRow(this.db, collection);
      for (const event of ['beforeCreate', 'beforeUpdate'])
        this.db.on(`${collection}.${event}`, (model: any, options: any) => check(this.db, model, options));
    }
  }

  /** 邀请合适会员 and 转为推荐, grantable per role (./roles.ts). */
  private answerOwnActions() {
    this.app.resourceManager.registerActionHandlers({
      'events:suggestInvitees': suggestInvitees,
      'events:suggestFromInterests': suggestFromInterests,
    });
    for (const [action, title] of Object.entries(EVENT_ACTIONS))
      this.app.acl.setAvailableAction(action, { displayName: label(title) });
  }
}

export default PluginEventsServer;
