// How a task (a follow-up reminder) is shown: in My tasks, on a conversation and on a customer.
// Node-free (src/contract).
import type { Prisma } from '../../db/model-types.ts';

export const taskInclude = {
  assignee: { select: { id: true, name: true } },
  createdBy: { select: { id: true, name: true } },
  conversation: { select: { id: true, number: true, subject: true } },
  contact: { select: { id: true, name: true } },
} satisfies Prisma.TaskInclude;

export type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

/** `now` decides `overdue`: not done and its due time has passed. */
export function toTaskView(t: TaskRow, now: Date) {
  return {
    id: t.id,
    title: t.title,
    note: t.note,
    dueAt: t.dueAt.toISOString(),
    done: t.doneAt !== null,
    doneAt: t.doneAt?.toISOString() ?? null,
    overdue: t.doneAt === null && t.dueAt <= now,
    assignee: t.assignee,
    createdBy: t.createdBy,
    conversation: t.conversation,
    contact: t.contact,
    createdAt: t.createdAt.toISOString(),
  };
}

export type TaskView = ReturnType<typeof toTaskView>;
