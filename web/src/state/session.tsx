// The logged-in agent and the workspace directory (agents, teams, channels, canned responses),
// loaded once after login and shared by every part of the inbox.
import { createContext, useContext } from 'react';
import type { Agent, CannedResponse, Channel, Me, Team } from '../api/types.ts';

export interface Session {
  me: Me;
  agents: Agent[];
  teams: Team[];
  channels: Channel[];
  canned: CannedResponse[];
  /** Loads the channels and canned responses again (after an admin or supervisor changed them). */
  reloadDirectory(): Promise<void>;
  logout(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a logged-in page');
  return s;
}

export const isSupervisor = (me: Me) => me.role === 'supervisor' || me.role === 'admin';
export const isAdmin = (me: Me) => me.role === 'admin';
