// The reminder kinds a sweep finds, each with the NocoBase workflow that delivers it: this plugin's own (./kinds and
// ../workflows/reminder-workflows.json), and those another plugin adds (the events plugin's 明日活动).
import { REMINDER_KINDS } from '../language/vocabulary';
import BUILT_IN_WORKFLOWS from '../workflows/reminder-workflows.json';
import { REMINDER_KIND_FINDERS } from './kinds';
import { ReminderKind } from './occurrence';

/**
 * A workflow seeded for a kind, in the shape of ../workflows/reminder-workflows.json: the workflow's values (`key`
 * "hongniang-reminder-<kind>", title, a `collection` trigger on `reminders` whose condition is the kind) and its `nodes`
 * in order (each one's upstream is the one before).
 */
export interface ReminderWorkflowDefinition {
  key: string;
  title: string;
  type: string;
  config: object;
  nodes: object[];
  [value: string]: unknown;
}

export class ReminderKinds {
  private readonly finders: ReminderKind[] = [...REMINDER_KIND_FINDERS];
  private readonly definitions: ReminderWorkflowDefinition[] = [
    ...(BUILT_IN_WORKFLOWS as ReminderWorkflowDefinition[]),
  ];

  /**
   * Adds a kind (before the app starts: in a plugin's `load`). Its `kind` must also be a value of the reminders' `kind`
   * field (../language/vocabulary.ts, REMINDER_KINDS), so that it shows by its name; throws otherwise, or when taken.
   */
  add(finder: ReminderKind, workflow: ReminderWorkflowDefinition) {
    if (!REMINDER_KINDS.some((kind) => kind.value === finder.kind))
      throw new Error(`reminder kind ${finder.kind} is not in REMINDER_KINDS`);
    if (this.finders.some((one) => one.kind === finder.kind)) throw new Error(`reminder kind ${finder.kind} is taken`);
    this.finders.push(finder);
    this.definitions.push(workflow);
  }

  /** Every kind, in the order a sweep writes them. */
  all(): readonly ReminderKind[] {
    return this.finders;
  }

  /** Every kind's workflow, as seeded at install and upgrade. */
  workflows(): readonly ReminderWorkflowDefinition[] {
    return this.definitions;
  }
}
