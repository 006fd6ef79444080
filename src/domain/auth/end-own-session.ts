// "Log out" on one row of one's list of sessions: ends that session of one's own (another
// person's id is not found). That session's sockets close on every node; the others stay.
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { endSessions } from './sessions.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function endOwnSession(deps: Pick<Deps, 'db' | 'realtime'>, viewer: AuthenticatedAgent, sessionId: string): Promise<{ ended: number; current: boolean }> {
  const ended = await endSessions(deps.db, { agentId: viewer.agentId, sessionIds: [sessionId] });
  if (ended.length === 0) throw notFound('Session');
  deps.realtime.endSessions({ sessionIds: ended });
  return { ended: ended.length, current: sessionId === viewer.sessionId };
}
