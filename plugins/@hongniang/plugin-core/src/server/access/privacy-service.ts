// What a feature may ask about field privacy without knowing who enforces it: the access plugin provides the answers
// at load; without it (disabled) nothing is private beyond NocoBase's own field lists, and `privacyOf` answers null.
import { Application } from '@nocobase/server';
import { appState } from '../app/app-state';
import { PrivacyLevel } from './declarations';

export interface PrivacyService {
  /** The fields of a private collection at the given levels, as 字段隐私 lists them now (e.g. a card's introduction fields). */
  fieldsAt(collectionName: string, levels: PrivacyLevel[]): Promise<string[]>;
  /**
   * The fields of a collection the request's caller sees on every record (her roles' view list, at a level that reaches
   * every record, not only her own); null: no per-record rule applies to her (root, or a collection without levels).
   */
  seenOnEveryRecord(ctx: unknown, collectionName: string): Promise<string[] | null>;
}

const provided = (app: Application) => appState(app, 'privacy', () => ({ service: null as PrivacyService | null }));

/** Called by the plugin that enforces field privacy (access), once, at load. */
export function providePrivacy(app: Application, service: PrivacyService) {
  provided(app).service = service;
}

/** The app's privacy answers, or null when no plugin enforces field privacy. */
export function privacyOf(app: Application): PrivacyService | null {
  return provided(app).service;
}
