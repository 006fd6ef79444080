// "Log out everywhere": ends every session of one's own, by default but the one asking ("everywhere
// else"). The ended sessions' sockets close on every node.
import type { Deps } from '../../deps.ts';
import { endSessions } from './sessions.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function logOutEverywhere(deps: Pick<Deps, 'db' | 'realtime'>, viewer: AuthenticatedAgent, opts: { keepCurrent: boolean }): Promise<{ ended: number; current: boolean }> {
  const ended = await endSessions(deps.db, { agentId: viewer.agentId, ...(opts.keepCurrent ? { exceptSessionId: viewer.sessionId } : {}) });
  if (ended.length > 0) deps.realtime.endSessions({ sessionIds: ended });
  return { ended: ended.length, current: !opts.keepCurrent };
}
