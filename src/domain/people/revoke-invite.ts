// An invitation sent to the wrong address, or no longer wanted: the invited person (who never
// logged in, so has no history) is removed with their link. Audited with the address.
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { personState } from './person-view.ts';

export async function revokeInvite(db: Db, viewer: Viewer, agentId: string): Promise<void> {
  requireAdmin(viewer, 'revoke invitations');
  const agent = await db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId } });
  if (!agent) throw notFound('Person');
  if (personState(agent) !== 'invited') throw new AppError('conflict', `${agent.name} has joined already; deactivate them instead`);
  await db.$transaction(async (tx) => {
    await tx.agent.delete({ where: { id: agentId } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.invite.revoke', targetType: 'agent', targetId: agentId, data: { email: agent.email, name: agent.name } });
  });
}
