// The supervisor board's numbers: per queue (waiting, longest wait, by priority, SLA at risk and
// breached, eligible and available agents), agents with presence and load, and today's totals.
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { DAY_MS, localDayOf, wallToInstant } from '../sla/zoned-time.ts';
import type { BoardQueue, SupervisorBoard } from './board-view.ts';
import { loadCandidates } from './candidates.ts';
import { defaultCapacityWeights } from './capacity.ts';
import { loadWorkflow } from './load-workflow.ts';
import { meetsRequirement } from './pick-agent.ts';
import { todayStats } from './today-stats.ts';
import type { Requirement } from './workflow-schema.ts';

const priorities = ['urgent', 'high', 'normal', 'low'] as const;

export async function supervisorBoard(db: Db, viewer: Viewer, now: Date): Promise<SupervisorBoard> {
  requireSupervisor(viewer, 'see the supervisor board');
  const { workspaceId } = viewer;
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } });
  const [queues, candidates, { workflow }] = [await db.queue.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } }), await loadCandidates(db, workspaceId, now), await loadWorkflow(db, workspaceId)];
  const waiting = await db.conversation.findMany({
    where: { workspaceId, status: 'open', assigneeId: null, queueId: { not: null } },
    select: { queueId: true, priority: true, queuedAt: true },
  });
  const risk = await db.conversation.findMany({
    where: { workspaceId, status: { not: 'resolved' }, queueId: { not: null }, slaClocks: { some: { OR: [{ status: 'running', warnedAt: { not: null } }, { status: 'breached', metAt: null }] } } },
    select: { queueId: true, slaClocks: { where: { OR: [{ status: 'running', warnedAt: { not: null } }, { status: 'breached', metAt: null }] }, select: { status: true } } },
  });
  const minCost = Math.min(...Object.values(defaultCapacityWeights));
  const stepsByQueue = new Map<string, Requirement[]>();
  for (const f of [...workflow.filters, workflow.fallback]) for (const s of f.steps) stepsByQueue.set(s.queue, [...(stepsByQueue.get(s.queue) ?? []), s.requirement]);
  const queueRows = queues.map((q): BoardQueue => {
    const mine = waiting.filter((w) => w.queueId === q.id);
    const oldest = mine.reduce<number | null>((m, w) => (w.queuedAt && (m === null || w.queuedAt.getTime() < m) ? w.queuedAt.getTime() : m), null);
    const requirements = stepsByQueue.get(q.name) ?? [];
    const eligible = candidates.filter((c) => c.online && requirements.some((r) => meetsRequirement(c, { ...r, lastAgent: false }, null)));
    const atRisk = risk.filter((r) => r.queueId === q.id);
    return {
      id: q.id,
      name: q.name,
      mode: q.mode,
      waiting: mine.length,
      longestWaitSeconds: oldest === null ? 0 : Math.round((now.getTime() - oldest) / 1000),
      byPriority: Object.fromEntries(priorities.map((p) => [p, mine.filter((w) => w.priority === p).length])) as Record<(typeof priorities)[number], number>,
      slaAtRisk: atRisk.filter((r) => r.slaClocks.every((c) => c.status !== 'breached')).length,
      slaBreached: atRisk.filter((r) => r.slaClocks.some((c) => c.status === 'breached')).length,
      eligibleAgents: eligible.length,
      availableAgents: eligible.filter((c) => c.load + minCost <= c.capacity).length,
    };
  });
  const agents = await db.agent.findMany({ where: { workspaceId, active: true }, orderBy: { name: 'asc' }, select: { id: true, name: true, role: true, presence: true, capacity: true } });
  const loads = new Map(candidates.map((c) => [c.agentId, c.load]));
  const open = await db.conversation.groupBy({ by: ['assigneeId'], where: { workspaceId, status: 'open', assigneeId: { not: null } }, _count: true });
  const dayStart = new Date(wallToInstant(ws.timeZone, localDayOf(ws.timeZone, now.getTime()) * DAY_MS));
  return {
    at: now.toISOString(),
    queues: queueRows,
    agents: agents.map((a) => ({ ...a, load: loads.get(a.id) ?? 0, openConversations: open.find((o) => o.assigneeId === a.id)?._count ?? 0 })),
    today: await todayStats(db, { workspaceId, since: dayStart, timeZone: ws.timeZone }),
  };
}

