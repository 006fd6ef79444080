// Which of some login sessions still let their agent in, and as whom (role and teams as they are
// now): the agents' sockets ask on every event they send and on a timer, so a socket never
// outlives its session (logged out, expired, agent deactivated) nor keeps a role or team it lost.
// Read-only: an open socket is not activity and does not keep a session alive.
import type { Db } from '../../db/client.ts';
import type { AuthenticatedAgent } from './viewer.ts';

/** The live sessions among `sessionIds`, by id; an ended, expired, idle (unused for `idleMinutes`) or deactivated one is absent. */
export async function loadLiveSessions(db: Db, sessionIds: readonly string[], now: Date, idleMinutes: number): Promise<Map<string, AuthenticatedAgent>> {
  const live = new Map<string, AuthenticatedAgent>();
  if (sessionIds.length === 0) return live;
  const sessions = await db.session.findMany({
    where: { id: { in: [...new Set(sessionIds)] }, expiresAt: { gt: now }, lastSeenAt: { gt: new Date(now.getTime() - idleMinutes * 60_000) }, agent: { active: true } },
    include: { agent: { include: { teams: { select: { teamId: true } } } } },
  });
  for (const s of sessions) {
    const a = s.agent;
    live.set(s.id, { agentId: a.id, workspaceId: a.workspaceId, role: a.role, teamIds: a.teams.map((t) => t.teamId), name: a.name, email: a.email, sessionId: s.id });
  }
  return live;
}
