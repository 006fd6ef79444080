// Deletes a canned response (supervisors and admins); audited with the shortcut it had.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';

export async function deleteCannedResponse(db: Db, viewer: Viewer, id: string): Promise<void> {
  requireSupervisor(viewer, 'delete canned responses');
  const existing = await db.cannedResponse.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!existing) throw notFound('Canned response');
  await db.$transaction(async (tx) => {
    await tx.cannedResponse.delete({ where: { id } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'canned_response.delete', targetType: 'canned_response', targetId: id, data: { shortcut: existing.shortcut } });
  });
}
