// "Log out" on one row of one's list of sessions: ends that session of one's own (another
// person's id is not found). The agent's sockets reconnect, so the ended one's drop out.
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { endSessions } from './sessions.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function endOwnSession(deps: Pick<Deps, 'db' | 'publisher'>, viewer: AuthenticatedAgent, sessionId: string): Promise<{ ended: number; current: boolean }> {
  const ended = await endSessions(deps.db, { agentId: viewer.agentId, sessionIds: [sessionId] });
  if (ended.length === 0) throw notFound('Session');
  deps.publisher.disconnectAgent(viewer.agentId);
  return { ended: ended.length, current: sessionId === viewer.sessionId };
}
