export { default } from './plugin';
// For other plugins and tests: the ranking of invitees (plain data in, ranked members with reasons out).
export { rankInvitees } from './invitees/rank-invitees';
export type { EventTargets, InviteeCandidate, RankedInvitee } from './invitees/rank-invitees';
