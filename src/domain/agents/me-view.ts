// GET /api/me: the logged-in agent as their own inbox sees them (role, teams, presence).
// Node-free (src/contract).
import type { Agent, Role } from '../../db/model-types.ts';
import { toAgentPresence } from './presence-view.ts';

export interface MeInput {
  agentId: string;
  name: string;
  email: string;
  role: Role;
  workspaceId: string;
  teamIds: string[];
}

export function toMeView(v: MeInput, agent: Pick<Agent, 'presence' | 'presenceChangedAt'>) {
  return { id: v.agentId, name: v.name, email: v.email, role: v.role, workspaceId: v.workspaceId, teamIds: v.teamIds, ...toAgentPresence(agent) };
}

export type MeView = ReturnType<typeof toMeView>;
