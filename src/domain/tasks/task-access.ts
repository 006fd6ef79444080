// Which tasks a viewer may reach: the workspace's, and of those the ones on a conversation they may
// see (visibility.ts) or on a contact. Changing one is for its assignee, its creator, supervisors
// and admins.
import type { Db, Tx } from '../../db/client.ts';
import { forbidden, notFound } from '../../errors.ts';
import { isSupervisor, type Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';

export async function loadTaskForChange(db: Db | Tx, viewer: Viewer, id: string) {
  const task = await db.task.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!task) throw notFound('Task');
  if (task.conversationId && task.assigneeId !== viewer.agentId) await loadVisibleConversation(db, viewer, task.conversationId).catch(() => Promise.reject(notFound('Task')));
  const mine = task.assigneeId === viewer.agentId || task.createdById === viewer.agentId;
  if (!mine && !isSupervisor(viewer)) throw forbidden("Only the task's assignee or creator, supervisors and admins may change it");
  return task;
}
