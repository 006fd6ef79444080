// Creates and changes tasks: a title (and note), a due time and an assignee (an active agent of the
// workspace), on a conversation the viewer may see or on a contact of the workspace. Completing,
// reopening and moving the due time arm the due notification again (notifiedAt cleared).
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';
import { loadTaskForChange } from './task-access.ts';
import { taskInclude, toTaskView, type TaskView } from './task-view.ts';

export interface TaskCreateInput {
  title: string;
  note?: string | null;
  dueAt: Date;
  /** Default: the viewer. */
  assigneeId?: string;
  conversationId?: string;
  contactId?: string;
}

export interface TaskUpdateInput {
  title?: string;
  note?: string | null;
  dueAt?: Date;
  assigneeId?: string;
  done?: boolean;
}

export async function createTask(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, input: TaskCreateInput): Promise<TaskView> {
  const { db } = deps;
  if (!input.conversationId && !input.contactId) throw new AppError('validation_failed', 'A task belongs to a conversation or a contact: give conversationId or contactId');
  const conversation = input.conversationId ? await loadVisibleConversation(db, viewer, input.conversationId) : null;
  if (conversation && input.contactId && input.contactId !== conversation.contactId) throw new AppError('validation_failed', "contactId is not this conversation's customer");
  const assigneeId = input.assigneeId ?? viewer.agentId;
  await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('agent', 'assigneeId', assigneeId, { active: true }), ...refOf('contact', 'contactId', conversation ? null : input.contactId)], 'task');
  const row = await db.$transaction(async (tx) => {
    const row = await tx.task.create({
      data: { workspaceId: viewer.workspaceId, title: input.title, note: input.note ?? null, dueAt: input.dueAt, assigneeId, createdById: viewer.agentId, conversationId: conversation?.id ?? null, contactId: conversation?.contactId ?? input.contactId ?? null },
      include: taskInclude,
    });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'task.create', targetType: 'task', targetId: row.id, data: { assigneeId, dueAt: input.dueAt.toISOString(), conversationId: row.conversationId, contactId: row.contactId } });
    return row;
  });
  return toTaskView(row, deps.clock.now());
}

export async function updateTask(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, id: string, input: TaskUpdateInput): Promise<TaskView> {
  const { db } = deps;
  const task = await loadTaskForChange(db, viewer, id);
  await assertRefsInWorkspace(db, viewer.workspaceId, refOf('agent', 'assigneeId', input.assigneeId !== task.assigneeId ? input.assigneeId : null, { active: true }), 'task');
  const now = deps.clock.now();
  const doneChanged = input.done !== undefined && input.done !== (task.doneAt !== null);
  const rearm = doneChanged || (input.dueAt !== undefined && input.dueAt.getTime() !== task.dueAt.getTime()) || (input.assigneeId !== undefined && input.assigneeId !== task.assigneeId);
  const row = await db.$transaction(async (tx) => {
    const row = await tx.task.update({
      where: { id },
      data: {
        ...(input.title !== undefined ? { title: input.title } : {}),
        ...(input.note !== undefined ? { note: input.note } : {}),
        ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
        ...(input.assigneeId !== undefined ? { assigneeId: input.assigneeId } : {}),
        ...(doneChanged ? { doneAt: input.done ? now : null } : {}),
        ...(rearm ? { notifiedAt: null } : {}),
      },
      include: taskInclude,
    });
    const action = doneChanged ? (input.done ? 'task.complete' : 'task.reopen') : 'task.update';
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: 'task', targetId: id, data: { fields: Object.keys(input) } });
    return row;
  });
  return toTaskView(row, now);
}
