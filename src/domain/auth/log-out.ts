// Logging out ends this login session and closes its sockets on every node (the agent's other
// tabs and devices stay logged in).
import type { Deps } from '../../deps.ts';
import { logout } from './sessions.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function logOut(deps: Pick<Deps, 'db' | 'realtime'>, viewer: AuthenticatedAgent, token: string): Promise<void> {
  await logout(deps.db, token);
  deps.realtime.endSessions({ sessionIds: [viewer.sessionId] });
}
