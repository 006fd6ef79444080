// Tells each due task's assignee, once: the maintenance sweep (status-timers, every minute, one
// runner per cluster) calls this, and each task is claimed with a conditional update in the same
// transaction that writes its notification, so overlapping sweeps on several nodes never notify
// twice, and a sweep that fails half-way leaves the task for the next one.
import type { Deps } from '../../deps.ts';
import { publishNotifications, writeNotifications } from '../notifications/notify-agents.ts';

export async function fireDueTasks(deps: Pick<Deps, 'db' | 'publisher' | 'clock'>, opts: { limit?: number } = {}): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.task.findMany({
    where: { doneAt: null, notifiedAt: null, dueAt: { lte: now } },
    include: { conversation: { select: { number: true } }, contact: { select: { name: true } } },
    orderBy: { dueAt: 'asc' },
    take: opts.limit ?? 200,
  });
  let fired = 0;
  for (const t of due) {
    const rows = await deps.db.$transaction(async (tx) => {
      const claimed = await tx.task.updateMany({ where: { id: t.id, doneAt: null, notifiedAt: null, dueAt: t.dueAt }, data: { notifiedAt: now } });
      if (claimed.count !== 1) return [];
      return writeNotifications(tx, {
        workspaceId: t.workspaceId,
        agentIds: [t.assigneeId],
        kind: 'task.due',
        conversationId: t.conversationId,
        data: { taskId: t.id, title: t.title, dueAt: t.dueAt.toISOString(), conversationNumber: t.conversation?.number ?? null, contactName: t.contact?.name ?? null },
      });
    });
    publishNotifications(deps.publisher, rows);
    if (rows.length) fired++;
  }
  return fired;
}
