// Anyone changes their own password; it needs the current one. Every other session of theirs
// ends and its sockets close on every node, so other tabs and devices are logged out at once; the
// tab that changed it stays logged in and keeps its socket. Audited.
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { endSessions } from '../auth/sessions.ts';
import type { AuthenticatedAgent } from '../auth/viewer.ts';

export async function changeOwnPassword(deps: Pick<Deps, 'db' | 'realtime' | 'passwords'>, viewer: AuthenticatedAgent, input: { currentPassword: string; newPassword: string }): Promise<{ sessionsEnded: number }> {
  const agent = await deps.db.agent.findUniqueOrThrow({ where: { id: viewer.agentId } });
  if (!(await deps.passwords.verify(input.currentPassword, agent.passwordHash)).ok) {
    throw new AppError('validation_failed', 'currentPassword: is not your current password', { details: [{ path: 'currentPassword', message: 'is not your current password' }] });
  }
  const passwordHash = await deps.passwords.hash(input.newPassword);
  const sessionsEnded = await deps.db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agent.id }, data: { passwordHash } });
    const ended = (await endSessions(tx, { agentId: agent.id, exceptSessionId: viewer.sessionId })).length;
    await recordAudit(tx, { workspaceId: agent.workspaceId, actorAgentId: agent.id, action: 'agent.password_change', targetType: 'agent', targetId: agent.id, data: { sessionsEnded: ended } });
    return ended;
  });
  deps.realtime.endSessions({ agentId: agent.id, exceptSessionId: viewer.sessionId });
  return { sessionsEnded };
}
