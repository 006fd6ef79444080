// One's own live sessions (expired and idle ones are over, so not listed), the current one first,
// then the most recently used.
import type { Db } from '../../db/client.ts';
import { toSessionView, type SessionView } from './session-view.ts';
import type { AuthenticatedAgent } from './viewer.ts';

export async function listOwnSessions(db: Db, viewer: AuthenticatedAgent, opts: { now: Date; idleMinutes: number }): Promise<{ sessions: SessionView[] }> {
  const rows = await db.session.findMany({
    where: { agentId: viewer.agentId, expiresAt: { gt: opts.now }, lastSeenAt: { gte: new Date(opts.now.getTime() - opts.idleMinutes * 60_000) } },
    orderBy: [{ lastSeenAt: 'desc' }, { createdAt: 'desc' }],
    take: 200,
  });
  const sessions = rows.map((s) => toSessionView(s, viewer.sessionId));
  return { sessions: [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)] };
}
