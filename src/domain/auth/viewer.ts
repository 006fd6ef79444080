// Who is acting and what their role lets them do: the viewer type every area takes, and the one
// place role checks live (routes and domain functions call these, never compare roles themselves).
import type { Role } from '../../db/client.ts';
import { forbidden } from '../../errors.ts';

export type { Role };

export interface Viewer {
  agentId: string;
  workspaceId: string;
  role: Role;
  teamIds: string[];
}

/** A viewer resolved from a login session (HTTP and the agents' socket). */
export interface AuthenticatedAgent extends Viewer {
  name: string;
  email: string;
  sessionId: string;
}

// Roles nest: an admin may do what a supervisor may, a supervisor what an agent may.
const rank = { agent: 0, supervisor: 1, admin: 2 } as const satisfies Record<Role, number>;
const whoMay = { agent: 'Only agents', supervisor: 'Only supervisors and admins', admin: 'Only admins' } as const satisfies Record<Role, string>;

/** Whether someone with this role has at least `least`; takes any `{ role }`, not only viewers. */
export const hasRole = (who: { role: Role }, least: Role): boolean => rank[who.role] >= rank[least];

/** Every role that has at least `least`, for queries (`role: { in: rolesAtLeast('supervisor') }`). */
export const rolesAtLeast = (least: Role): Role[] => (Object.keys(rank) as Role[]).filter((r) => rank[r] >= rank[least]);

/** Supervisors and admins watch the whole workspace. */
export const isSupervisor = (who: { role: Role }): boolean => hasRole(who, 'supervisor');

export const isAdmin = (who: { role: Role }): boolean => hasRole(who, 'admin');

/** Throws forbidden ("Only admins may <action>") unless the viewer has at least `least`. */
export function requireRole(viewer: { role: Role }, least: Role, action: string): void {
  if (hasRole(viewer, least)) return;
  throw forbidden(`${whoMay[least]} may ${action}`);
}

export const requireSupervisor = (viewer: { role: Role }, action: string): void => requireRole(viewer, 'supervisor', action);

export const requireAdmin = (viewer: { role: Role }, action: string): void => requireRole(viewer, 'admin', action);
