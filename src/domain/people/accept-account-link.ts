// The pages an account link opens: what the link is for (to show before a password is chosen),
// and using it: an invite makes the person active with their name and password; a reset sets a
// new password and ends every earlier session, closing its sockets. Either way the link is spent
// and they are logged in. An unknown, used or expired link gets one answer, so links cannot be probed.
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { LoginResult } from '../auth/login-view.ts';
import type { PasswordHasher } from '../auth/password.ts';
import { hashSecretToken } from '../auth/secret-token.ts';
import { endSessions, startSession, type SessionClient } from '../auth/sessions.ts';
import { toAccountLinkInfo, type AccountLinkInfo } from './account-link-view.ts';
import { personState } from './person-view.ts';

const spent = () => new AppError('not_found', 'This link has expired or was already used; ask your admin for a new one');

async function liveLink(db: Db, token: string, now: Date) {
  const row = await db.agentToken.findUnique({ where: { tokenHash: hashSecretToken(token) }, include: { agent: true, workspace: { select: { name: true } } } });
  if (!row || row.usedAt || row.expiresAt <= now) throw spent();
  const state = personState(row.agent);
  if (row.purpose === 'invite' ? state !== 'invited' : state !== 'active') throw spent();
  return row;
}

export async function readAccountLink(db: Db, token: string, now: Date): Promise<AccountLinkInfo> {
  const row = await liveLink(db, token, now);
  return toAccountLinkInfo({ purpose: row.purpose, email: row.agent.email, name: row.agent.name, workspaceName: row.workspace.name, expiresAt: row.expiresAt });
}

export async function acceptAccountLink(
  deps: Pick<Deps, 'db' | 'realtime'> & { passwords: PasswordHasher },
  input: { token: string; name?: string; password: string; now: Date; ttlHours: number; client: SessionClient },
): Promise<LoginResult> {
  const { db } = deps;
  const row = await liveLink(db, input.token, input.now);
  const passwordHash = await deps.passwords.hash(input.password);
  const invite = row.purpose === 'invite';
  const { result, ended } = await db.$transaction(async (tx) => {
    // Spent exactly once, also when two tabs submit together.
    const claimed = await tx.agentToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: input.now } });
    if (claimed.count !== 1) throw spent();
    const agent = await tx.agent.update({
      where: { id: row.agentId },
      data: invite ? { passwordHash, active: true, joinedAt: input.now, name: input.name ?? row.agent.name } : { passwordHash },
    });
    const ended = invite ? [] : await endSessions(tx, { agentId: agent.id });
    await recordAudit(tx, { workspaceId: agent.workspaceId, actorAgentId: agent.id, action: invite ? 'agent.invite.accept' : 'agent.password_reset.complete', targetType: 'agent', targetId: agent.id });
    return { result: await startSession(tx, { agent, now: input.now, ttlHours: input.ttlHours, client: input.client }), ended };
  });
  // The earlier sessions' sockets close too (by session: the new login's socket is not among them).
  deps.realtime.endSessions({ sessionIds: ended });
  return result;
}
