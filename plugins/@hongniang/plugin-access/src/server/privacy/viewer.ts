// Who is asking, as the privacy rules need it: her user id and, per privacy level, on which members she sees it.
import { callerIdOf, callerRolesOf } from '@hongniang/plugin-core';
import { roleNamed, Reach } from '../agency/agency-roles';
import { PrivacyLevel } from './privacy-levels';

const RANK: Record<Reach, number> = { none: 0, own: 1, every: 2 };

export interface Viewer {
  userId: number | null;
  roles: string[];
  reach(level: PrivacyLevel): Reach;
}

/**
 * The viewer behind a request, or null when nothing is checked (root, or a request without a role).
 * With several roles in force (NocoBase's role union) each level gets the widest reach among them; a role the agency
 * made itself in the Roles page has no per-row rule (its field lists alone apply).
 */
export function viewerOf(ctx: any): Viewer | null {
  const roles = callerRolesOf(ctx);
  if (!roles.length || roles.includes('root')) return null;
  const agencyRoles = roles.map((name) => roleNamed(ctx.app, name));
  const reach = (level: PrivacyLevel): Reach =>
    agencyRoles
      .map((role) => role?.sees[level] ?? 'every')
      .reduce((widest, next) => (RANK[next] > RANK[widest] ? next : widest), 'none' as Reach);
  return { userId: callerIdOf(ctx), roles, reach };
}
