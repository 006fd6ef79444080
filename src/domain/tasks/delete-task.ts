// Deletes a task (its assignee, its creator, supervisors and admins); audited with its title.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadTaskForChange } from './task-access.ts';

export async function deleteTask(db: Db, viewer: Viewer, id: string): Promise<void> {
  const task = await loadTaskForChange(db, viewer, id);
  await db.$transaction(async (tx) => {
    await tx.task.delete({ where: { id } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'task.delete', targetType: 'task', targetId: id, data: { title: task.title } });
  });
}
