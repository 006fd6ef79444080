// Tells each due task's assignee, once: the maintenance sweep (status-timers, every minute, one
// runner per cluster) calls this, and each task is claimed with a conditional update before its
// notification is written, so overlapping sweeps on several nodes never notify twice.
import type { Deps } from '../../deps.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';

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
    const claimed = await deps.db.task.updateMany({ where: { id: t.id, doneAt: null, notifiedAt: null, dueAt: t.dueAt }, data: { notifiedAt: now } });
    if (claimed.count !== 1) continue;
    await notifyAgents(deps, {
      workspaceId: t.workspaceId,
      agentIds: [t.assigneeId],
      kind: 'task.due',
      conversationId: t.conversationId,
      data: { taskId: t.id, title: t.title, dueAt: t.dueAt.toISOString(), conversationNumber: t.conversation?.number ?? null, contactName: t.contact?.name ?? null },
    });
    fired++;
  }
  return fired;
}
