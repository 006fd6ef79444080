// Tasks as the inbox lists them: the viewer's own ("My tasks", open ones first by due time), or
// those of one conversation (that the viewer may see) or one contact of the workspace (without
// tasks on conversations the viewer may not see).
import type { Deps } from '../../deps.ts';
import type { Prisma } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation, visibleConversationsWhere } from '../conversations/visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';
import { taskInclude, toTaskView, type TaskView } from './task-view.ts';

export interface TaskListQuery {
  /** `mine`: assigned to the viewer. Otherwise a conversation's or a contact's tasks. */
  mine?: boolean;
  conversationId?: string;
  contactId?: string;
  /** false: open tasks only; true: done ones only; not given: both. */
  done?: boolean;
  limit?: number;
}

export async function listTasks(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, q: TaskListQuery): Promise<TaskView[]> {
  const { db } = deps;
  if (q.conversationId) await loadVisibleConversation(db, viewer, q.conversationId);
  await assertRefsInWorkspace(db, viewer.workspaceId, refOf('contact', 'contactId', q.contactId), 'task list');
  const where: Prisma.TaskWhereInput = {
    workspaceId: viewer.workspaceId,
    ...(q.mine || (!q.conversationId && !q.contactId) ? { assigneeId: viewer.agentId } : {}),
    ...(q.conversationId ? { conversationId: q.conversationId } : {}),
    ...(q.contactId ? { contactId: q.contactId } : {}),
    ...(q.done !== undefined ? { doneAt: q.done ? { not: null } : null } : {}),
    // A contact's tasks on conversations the viewer may not see stay hidden (their own excepted).
    OR: [{ assigneeId: viewer.agentId }, { conversationId: null }, { conversation: visibleConversationsWhere(viewer) }],
  };
  const rows = await db.task.findMany({ where, include: taskInclude, orderBy: [{ doneAt: { sort: 'desc', nulls: 'first' } }, { dueAt: 'asc' }, { id: 'asc' }], take: q.limit ?? 200 });
  const now = deps.clock.now();
  return rows.map((r) => toTaskView(r, now));
}
