// "Log out everywhere": ends every session of one's own, by default but the one asking ("everywhere
// else"). The agent's sockets reconnect, so those of ended sessions drop out.
import type { Deps } from '../../deps.ts';
import { endSessions } from './sessions.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function logOutEverywhere(deps: Pick<Deps, 'db' | 'publisher'>, viewer: AuthenticatedAgent, opts: { keepCurrent: boolean }): Promise<{ ended: number; current: boolean }> {
  const ended = await endSessions(deps.db, { agentId: viewer.agentId, ...(opts.keepCurrent ? { exceptSessionId: viewer.sessionId } : {}) });
  if (ended.length > 0) deps.publisher.disconnectAgent(viewer.agentId);
  return { ended: ended.length, current: !opts.keepCurrent };
}
