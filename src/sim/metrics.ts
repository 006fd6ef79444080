// Measures one simulated day from the engine's log: waiting times, first-response SLA attainment,
// utilisation and load spread, per queue and overall, plus invariants checked from the log and
// the scenario alone (not through the strategy or pickAgent), so a broken strategy shows up.
import type { Requirement } from '../domain/routing/workflow-schema.ts';
import { businessMsBetween } from '../domain/sla/business-time.ts';
import type { Assignment, ConvState, SimulationLog } from './engine.ts';
import { onlineIntervals } from './scenario.ts';
import type { Interval, Scenario, SimAgent } from './model.ts';
import { entryQueue } from './workflow.ts';

export interface QueueMetrics {
  conversations: number;
  assigned: number;
  unassigned: number;
  /** Share of conversations with a target assigned within it; never assigned counts as a breach. */
  slaAttainment: number;
  /** Arrival to assignment; a conversation still waiting at day end counts its wait until then. */
  waitP50Seconds: number;
  waitP90Seconds: number;
}

export interface Invariants {
  /** Assignments that took an agent's load above capacity. */
  overCapacity: number;
  /** Assignments at step 0 to an agent lacking that step's requirement. */
  skillViolations: number;
  /** Conversations whose breach was recorded more than once. */
  duplicateBreaches: number;
}

export interface PolicyMetrics extends QueueMetrics {
  /** Busy capacity-time over available capacity-time, while agents are online. */
  utilisation: number;
  /** Coefficient of variation of capacity-weighted work handled, across agents who handled any. */
  loadSpread: number;
  perQueue: Record<string, QueueMetrics>;
  invariants: Invariants;
}

export function measure(scenario: Scenario, log: SimulationLog): PolicyMetrics {
  const byQueue = new Map<string, ConvState[]>();
  for (const c of log.conversations) {
    const queue = entryQueue(c.filter);
    const list = byQueue.get(queue) ?? [];
    list.push(c);
    byQueue.set(queue, list);
  }
  const assignedIds = new Set(log.assignments.map((a) => a.convId));
  const perQueue = Object.fromEntries([...byQueue.keys()].sort().map((q) => [q, measureQueue(scenario, byQueue.get(q)!, assignedIds)]));
  const agents = new Map(scenario.agents.map((a) => [a.id, a]));
  return {
    ...measureQueue(scenario, log.conversations, assignedIds),
    utilisation: utilisation(scenario, log.assignments),
    loadSpread: loadSpread(scenario, log.assignments),
    perQueue,
    invariants: {
      overCapacity: countOverCapacity(agents, log.assignments),
      skillViolations: countSkillViolations(agents, log),
      duplicateBreaches: countDuplicateBreaches(log),
    },
  };
}

/** `assigned` comes from the log and `unassigned` from the final state, so together they check each other. */
function measureQueue(scenario: Scenario, convs: readonly ConvState[], assignedIds: ReadonlySet<string>): QueueMetrics {
  const { calendar, dayStart, dayMs } = scenario;
  const instant = (ms: number) => new Date(dayStart.getTime() + ms);
  const waits = convs.map((c) => ((c.assignedAt ?? dayMs) - c.conv.arrivalMs) / 1000).sort((a, b) => a - b);
  const withTarget = convs.filter((c) => c.targetMs !== null);
  const attained = withTarget.filter(
    (c) => c.assignedAt !== null && businessMsBetween(calendar, instant(c.conv.arrivalMs), instant(c.assignedAt)) <= c.targetMs!,
  );
  return {
    conversations: convs.length,
    assigned: convs.filter((c) => assignedIds.has(c.conv.id)).length,
    unassigned: convs.filter((c) => c.assignedAt === null).length,
    slaAttainment: withTarget.length === 0 ? 1 : attained.length / withTarget.length,
    waitP50Seconds: percentile(waits, 0.5),
    waitP90Seconds: percentile(waits, 0.9),
  };
}

/** Nearest-rank percentile of an ascending list; 0 for an empty one. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function overlap(a: Interval, b: Interval): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

const workOf = (a: Assignment, dayMs: number): Interval => ({ start: a.at, end: Math.min(a.doneAt, dayMs) });

function utilisation(scenario: Scenario, assignments: readonly Assignment[]): number {
  const online = new Map(scenario.agents.map((a) => [a.id, onlineIntervals(a)]));
  let available = 0;
  for (const agent of scenario.agents) {
    for (const span of online.get(agent.id)!) available += agent.capacity * overlap(span, { start: 0, end: scenario.dayMs });
  }
  let busy = 0;
  for (const a of assignments) {
    const work = workOf(a, scenario.dayMs);
    for (const span of online.get(a.agentId) ?? []) busy += a.cost * overlap(work, span);
  }
  return available === 0 ? 0 : busy / available;
}

function loadSpread(scenario: Scenario, assignments: readonly Assignment[]): number {
  const work = new Map<string, number>();
  for (const a of assignments) {
    const span = workOf(a, scenario.dayMs);
    work.set(a.agentId, (work.get(a.agentId) ?? 0) + a.cost * (span.end - span.start));
  }
  const values = [...work.values()].filter((v) => v > 0);
  if (values.length === 0) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

/** Replays each agent's assignments: load at an assignment is everything taken and not yet done. */
function countOverCapacity(agents: ReadonlyMap<string, SimAgent>, assignments: readonly Assignment[]): number {
  const taken = new Map<string, Assignment[]>();
  let violations = 0;
  for (const a of assignments) {
    const earlier = (taken.get(a.agentId) ?? []).filter((e) => e.doneAt > a.at);
    const load = earlier.reduce((sum, e) => sum + e.cost, 0) + a.cost;
    if (load > (agents.get(a.agentId)?.capacity ?? 0)) violations++;
    taken.set(a.agentId, [...earlier, a]);
  }
  return violations;
}

function countSkillViolations(agents: ReadonlyMap<string, SimAgent>, log: SimulationLog): number {
  const convs = new Map(log.conversations.map((c) => [c.conv.id, c]));
  let violations = 0;
  for (const a of log.assignments) {
    const conv = convs.get(a.convId);
    const agent = agents.get(a.agentId);
    if (!conv || !agent) {
      violations++;
      continue;
    }
    if (a.step === 0 && !satisfies(agent, conv.filter.steps[0]!.requirement, conv.lastAgentId)) violations++;
  }
  return violations;
}

/** Written out here rather than calling meetsRequirement, so the check does not share its bugs. */
function satisfies(agent: SimAgent, requirement: Requirement, lastAgentId: string | null): boolean {
  if (requirement.teamId !== undefined && !agent.teamIds.includes(requirement.teamId)) return false;
  if (requirement.lastAgent && agent.id !== lastAgentId) return false;
  for (const { skill, minLevel } of requirement.skills) {
    const level = agent.skills.get(skill);
    if (level === undefined || level < minLevel) return false;
  }
  return true;
}

function countDuplicateBreaches(log: SimulationLog): number {
  const seen = new Map<string, number>();
  for (const b of log.breaches) seen.set(b.convId, (seen.get(b.convId) ?? 0) + 1);
  return [...seen.values()].filter((n) => n > 1).length;
}
