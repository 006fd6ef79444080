// Login sessions: a random token handed to the browser (cookie) or API client (bearer); only its
// sha256 is stored, so a database leak does not leak live sessions. A session ends when it
// expires (SESSION_TTL_HOURS), when unused for SESSION_IDLE_MINUTES, or through endSessions: the
// one way any session is ended (logout, "log out everywhere", password change or reset, deactivation).
import type { Db, Tx } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import type { LoginResult } from './login-view.ts';
import type { AuthenticatedAgent } from './viewer.ts';
import { hashSecretToken as hashToken, newSecretToken } from './secret-token.ts';

/** Where a session was started from, shown in the person's list of sessions. */
export interface SessionClient {
  ip: string | null;
  userAgent: string | null;
}

/** lastSeenAt is written at most this often per session, so reads do not turn into writes. */
export const TOUCH_EVERY_MS = 60_000;

/** A new login session for an agent whose identity is already proven (password, first run, an accepted invite). */
export async function startSession(db: Db | Tx, input: { agent: LoginResult['agent']; now: Date; ttlHours: number; client: SessionClient }): Promise<LoginResult> {
  const { agent, now, client } = input;
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  await db.session.create({
    data: { agentId: agent.id, tokenHash: hashToken(token), expiresAt, lastSeenAt: now, ip: client.ip?.slice(0, 64) ?? null, userAgent: client.userAgent?.slice(0, 512) ?? null },
  });
  return { token, expiresAt, agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role, workspaceId: agent.workspaceId } };
}

/**
 * Ends sessions of one agent: all of them, only `sessionIds` (ids of other agents are ignored),
 * and never `exceptSessionId` (the tab that asked). Returns the ids it ended.
 */
export async function endSessions(db: Db | Tx, input: { agentId: string; sessionIds?: string[]; exceptSessionId?: string }): Promise<string[]> {
  const where = {
    agentId: input.agentId,
    ...(input.sessionIds || input.exceptSessionId ? { id: { ...(input.sessionIds ? { in: input.sessionIds } : {}), ...(input.exceptSessionId ? { not: input.exceptSessionId } : {}) } } : {}),
  };
  const ended = await db.session.findMany({ where, select: { id: true } });
  if (ended.length === 0) return [];
  await db.session.deleteMany({ where: { id: { in: ended.map((s) => s.id) } } });
  return ended.map((s) => s.id);
}

interface SessionRow {
  id: string;
  agentId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  workspaceId: string;
  role: AuthenticatedAgent['role'];
  name: string;
  email: string;
  active: boolean;
  teamIds: string[];
}

// Every API request and socket connection runs this, so it is one named (prepared) statement:
// the session, its agent and the agent's teams in one round trip. Through Prisma it was three
// statements (session, agent, team memberships) plus the interpreter's work for each. Nothing is
// cached between requests: a session ended, a role or a team changed (on any node, or by the CLI)
// applies to the very next request. Prisma keeps UTC `timestamp`s; AT TIME ZONE makes them instants.
const sessionByTokenHash = {
  name: 'auth-session-by-token-hash',
  text: `SELECT s.id, s."agentId", (s."expiresAt" AT TIME ZONE 'UTC') AS "expiresAt", (s."lastSeenAt" AT TIME ZONE 'UTC') AS "lastSeenAt",
                a."workspaceId", a.role::text AS role, a.name, a.email, a.active,
                ARRAY(SELECT tm."teamId" FROM "TeamMember" tm WHERE tm."agentId" = a.id ORDER BY tm."teamId") AS "teamIds"
         FROM "Session" s JOIN "Agent" a ON a.id = s."agentId"
         WHERE s."tokenHash" = $1`,
};

export async function authenticate(db: Db, token: string, opts: { now: Date; idleMinutes: number }): Promise<AuthenticatedAgent | null> {
  const { now } = opts;
  const [session] = await sqlRows<SessionRow>(db, sessionByTokenHash, [hashToken(token)]);
  if (!session || session.expiresAt <= now || !session.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > opts.idleMinutes * 60_000) {
    await endSessions(db, { agentId: session.agentId, sessionIds: [session.id] });
    return null;
  }
  // Touch at most once a minute to keep the hot path read-only.
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const { agentId, workspaceId, role, teamIds, name, email } = session;
  return { agentId, workspaceId, role, teamIds, name, email, sessionId: session.id };
}

/** Ends the session a token belongs to (logging out); an unknown token ends nothing. */
export async function logout(db: Db, token: string): Promise<void> {
  const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, select: { id: true, agentId: true } });
  if (session) await endSessions(db, { agentId: session.agentId, sessionIds: [session.id] });
}
