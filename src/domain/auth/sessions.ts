// Login sessions: a random token handed to the browser (cookie) or API client (bearer); only its
// sha256 is stored, so a database leak does not leak live sessions.
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import type { LoginResult } from './login-view.ts';
import type { AuthenticatedAgent } from './viewer.ts';
import { verifyPassword } from './password.ts';
import { hashSecretToken as hashToken, newSecretToken } from './secret-token.ts';

export async function login(db: Db, input: { email: string; password: string; now: Date; ttlHours: number }): Promise<LoginResult> {
  const agent = await db.agent.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  // Same answer for unknown email and wrong password, so accounts cannot be enumerated.
  const ok = agent?.active && agent.passwordHash !== null && (await verifyPassword(input.password, agent.passwordHash));
  if (!agent || !ok) throw new AppError('unauthenticated', 'Email or password is incorrect');
  return startSession(db, { agent, now: input.now, ttlHours: input.ttlHours });
}

/** A new login session for an agent whose identity is already proven (password, first run, an accepted invite). */
export async function startSession(db: Db | Tx, input: { agent: LoginResult['agent']; now: Date; ttlHours: number }): Promise<LoginResult> {
  const { agent, now } = input;
  const token = newSecretToken();
  const expiresAt = new Date(now.getTime() + input.ttlHours * 3_600_000);
  await db.session.create({ data: { agentId: agent.id, tokenHash: hashToken(token), expiresAt, lastSeenAt: now } });
  return { token, expiresAt, agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role, workspaceId: agent.workspaceId } };
}

/** Ends every session of an agent, or every one but `keepSessionId` (a password change keeps the tab that made it). */
export async function endSessions(db: Db | Tx, agentId: string, keepSessionId?: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { agentId, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) } });
  return count;
}

export async function authenticate(db: Db, token: string, now: Date): Promise<AuthenticatedAgent | null> {
  const session = await db.session.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { agent: { include: { teams: { select: { teamId: true } } } } },
  });
  if (!session || session.expiresAt <= now || !session.agent.active) return null;
  // Touch at most once a minute to keep the hot path read-only.
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.session.update({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  const a = session.agent;
  return { agentId: a.id, workspaceId: a.workspaceId, role: a.role, teamIds: a.teams.map((t) => t.teamId), name: a.name, email: a.email, sessionId: session.id };
}

export async function logout(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}
