// The supervisor board's numbers: per queue (waiting, longest wait, by priority, SLA at risk and
// breached, eligible and available agents), agents with presence and load, and today's totals.
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { DAY_MS, localDayOf, wallToInstant } from '../sla/zoned-time.ts';
import { asCandidate, boardAgents, slaRiskCounts, waitingCounts, workByAgent } from './board-counts.ts';
import type { BoardQueue, SupervisorBoard } from './board-view.ts';
import { capacityWeights, costOf, defaultCapacityWeights } from './capacity.ts';
import { loadWorkflow } from './load-workflow.ts';
import { meetsRequirement } from './pick-agent.ts';
import { todayStats } from './today-stats.ts';
import type { Requirement } from './workflow-schema.ts';

const priorities = ['urgent', 'high', 'normal', 'low'] as const;

export async function supervisorBoard(db: Db, viewer: Viewer, now: Date): Promise<SupervisorBoard> {
  requireSupervisor(viewer, 'see the supervisor board');
  const { workspaceId } = viewer;
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true, capacityWeights: true } });
  const dayStart = new Date(wallToInstant(ws.timeZone, localDayOf(ws.timeZone, now.getTime()) * DAY_MS));
  // Independent reads on the pool's connections at once: the board waits for the slowest, not the sum.
  const [queues, { workflow }, agents, work, waiting, risk, today] = await Promise.all([
    db.queue.findMany({ where: { workspaceId }, orderBy: { name: 'asc' } }),
    loadWorkflow(db, workspaceId),
    boardAgents(db, workspaceId),
    workByAgent(db, workspaceId, now),
    waitingCounts(db, workspaceId),
    slaRiskCounts(db, workspaceId),
    todayStats(db, { workspaceId, since: dayStart, timeZone: ws.timeZone }),
  ]);
  const weights = capacityWeights(ws.capacityWeights);
  const loads = new Map<string, number>();
  const open = new Map<string, number>();
  for (const w of work) {
    loads.set(w.agentId, (loads.get(w.agentId) ?? 0) + w.n * costOf(w.kind, weights));
    open.set(w.agentId, (open.get(w.agentId) ?? 0) + w.assigned);
  }
  const candidates = agents.map((a) => asCandidate(a, loads.get(a.id) ?? 0));
  const minCost = Math.min(...Object.values(defaultCapacityWeights));
  const stepsByQueue = new Map<string, Requirement[]>();
  for (const f of [...workflow.filters, workflow.fallback]) for (const s of f.steps) stepsByQueue.set(s.queue, [...(stepsByQueue.get(s.queue) ?? []), s.requirement]);
  const queueRows = queues.map((q): BoardQueue => {
    const mine = waiting.filter((w) => w.queueId === q.id);
    const oldest = mine.reduce<number | null>((m, w) => (w.oldestMs !== null && (m === null || w.oldestMs < m) ? w.oldestMs : m), null);
    const requirements = stepsByQueue.get(q.name) ?? [];
    const eligible = candidates.filter((c) => c.online && requirements.some((r) => meetsRequirement(c, { ...r, lastAgent: false }, null)));
    const atRisk = risk.find((r) => r.queueId === q.id);
    return {
      id: q.id,
      name: q.name,
      mode: q.mode,
      waiting: mine.reduce((n, w) => n + w.n, 0),
      longestWaitSeconds: oldest === null ? 0 : Math.round((now.getTime() - oldest) / 1000),
      byPriority: Object.fromEntries(priorities.map((p) => [p, mine.find((w) => w.priority === p)?.n ?? 0])) as Record<(typeof priorities)[number], number>,
      slaAtRisk: atRisk?.atRisk ?? 0,
      slaBreached: atRisk?.breached ?? 0,
      eligibleAgents: eligible.length,
      availableAgents: eligible.filter((c) => c.load + minCost <= c.capacity).length,
    };
  });
  return {
    at: now.toISOString(),
    queues: queueRows,
    agents: agents.map((a) => ({ id: a.id, name: a.name, role: a.role, presence: a.presence, capacity: a.capacity, load: loads.get(a.id) ?? 0, openConversations: open.get(a.id) ?? 0 })),
    today,
  };
}
