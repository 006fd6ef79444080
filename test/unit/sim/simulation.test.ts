import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelKind } from '../../../channels/types.ts';
import { meetsRequirement } from '../../../src/domain/routing/pick-agent.ts';
import { alwaysOpenCalendar } from '../../../src/domain/sla/calendar.ts';
import { runEngine, type SimulationLog, type Strategy } from '../../../src/sim/engine.ts';
import { EventQueue } from '../../../src/sim/event-queue.ts';
import { measure } from '../../../src/sim/metrics.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, type Scenario, type SimAgent, type SimConversation } from '../../../src/sim/model.ts';
import { createParley, createRoundRobin } from '../../../src/sim/policies.ts';
import { defaultSimulation, runSimulation, type SimulationReport } from '../../../src/sim/run-simulation.ts';
import { buildScenario, onlineIntervals } from '../../../src/sim/scenario.ts';
import { loadConfig } from '../../../src/sim/workflow.ts';

const config = loadConfig();

describe('a simulated day, Parley against round robin (default scenario)', () => {
  let report: SimulationReport;
  beforeAll(() => {
    report = runSimulation(defaultSimulation);
  }, 60_000);

  it('breaks no invariant under either policy', () => {
    for (const policy of [report.parley, report.roundRobin]) {
      expect(policy.invariants).toEqual({ overCapacity: 0, skillViolations: 0, duplicateBreaches: 0 });
    }
    expect([report.overCapacity, report.skillViolations, report.duplicateBreaches]).toEqual([0, 0, 0]);
  });

  it('beats round robin on first-response SLA attainment and on the 90th percentile wait', () => {
    expect(report.parley.slaAttainment).toBeGreaterThan(report.roundRobin.slaAttainment);
    expect(report.parley.waitP90Seconds).toBeLessThan(report.roundRobin.waitP90Seconds);
  });

  it('accounts for every conversation as assigned or unassigned, overall and per queue', () => {
    for (const policy of [report.parley, report.roundRobin]) {
      expect(policy.conversations).toBe(defaultSimulation.conversations);
      expect(policy.assigned + policy.unassigned).toBe(policy.conversations);
      const queues = Object.values(policy.perQueue);
      expect(queues.reduce((n, q) => n + q.conversations, 0)).toBe(policy.conversations);
      for (const q of queues) expect(q.assigned + q.unassigned).toBe(q.conversations);
    }
  });

  it('keeps utilisation within (0, 1]', () => {
    for (const policy of [report.parley, report.roundRobin]) {
      expect(policy.utilisation).toBeGreaterThan(0);
      expect(policy.utilisation).toBeLessThanOrEqual(1);
    }
  });
});

describe('determinism', () => {
  const small = { seed: 7, agents: 20, conversations: 600 };

  it('gives an identical report for the same seed', () => {
    expect(runSimulation(small)).toEqual(runSimulation(small));
  });

  it('gives a different report for a different seed', () => {
    expect(runSimulation({ ...small, seed: 8 })).not.toEqual(runSimulation(small));
  });
});

describe('the event queue', () => {
  it('pops by time and, at the same time, in the order events were scheduled', () => {
    const queue = new EventQueue<string>();
    const scheduled: [number, string][] = [[5, 'a'], [1, 'b'], [5, 'c'], [3, 'd'], [5, 'e'], [1, 'f'], [0, 'g']];
    for (const [at, name] of scheduled) queue.push(at, name);
    const popped: string[] = [];
    for (let e = queue.pop(); e; e = queue.pop()) popped.push(e.event);
    expect(popped).toEqual(['g', 'b', 'f', 'd', 'a', 'c', 'e']);
  });
});

// A tiny hand-made day: one voice-desk agent, calls that each need the agent's whole capacity.
const agent = (id: string, shift: { start: number; end: number }, breaks: SimAgent['breaks'] = []): SimAgent => ({
  id,
  capacity: 100,
  skills: new Map([['senior', 1]]),
  teamIds: ['team-voice'],
  desk: 'voice',
  shiftName: 'day',
  shift,
  breaks,
});

function call(id: string, arrivalMs: number, channel: ChannelKind = 'voice'): SimConversation {
  return {
    id,
    arrivalMs,
    channel,
    priority: 'normal',
    topic: 'billing',
    routing: { channel, teamId: null, language: 'en', firstMessageText: '', contactTier: null, contactTags: [], conversationTags: [], priority: 'normal', attributes: {} },
    policy: { channel, contactTier: null, tags: [], teamId: null },
    previousAgent: null,
    handleMs: 10 * MINUTE_MS,
  };
}

const day = (agents: SimAgent[], conversations: SimConversation[]): Scenario => ({
  seed: 0,
  dayStart: new Date(Date.UTC(2026, 2, 2)),
  dayMs: DAY_MS,
  calendar: alwaysOpenCalendar,
  agents,
  conversations,
});

const assignedAt = (log: SimulationLog) => Object.fromEntries(log.assignments.map((a) => [a.convId, a.at]));

describe('the engine', () => {
  it('resolves ties the same way every run: shift start before an arrival at that instant, earlier-listed calls first', () => {
    const scenario = day([agent('a1', { start: 9 * HOUR_MS, end: 17 * HOUR_MS })], [call('c1', 9 * HOUR_MS), call('c2', 9 * HOUR_MS), call('c3', 17 * HOUR_MS)]);
    for (const create of [createParley, createRoundRobin]) {
      const first = runEngine({ scenario, config, strategy: create() });
      expect(assignedAt(first)).toEqual({ c1: 9 * HOUR_MS, c2: 9 * HOUR_MS + 10 * MINUTE_MS });
      expect(runEngine({ scenario, config, strategy: create() })).toEqual(first);
    }
  });

  it('stops giving an agent work when the shift ends or a break starts', () => {
    const early = agent('early', { start: 6 * HOUR_MS, end: 10 * HOUR_MS }, [{ start: 7 * HOUR_MS, end: 8 * HOUR_MS }]);
    const calls = [call('before-break', 6.5 * HOUR_MS), call('in-break', 7.25 * HOUR_MS), call('after-shift', 11 * HOUR_MS)];
    const log = runEngine({ scenario: day([early], calls), config, strategy: createParley() });
    expect(assignedAt(log)).toEqual({ 'before-break': 6.5 * HOUR_MS, 'in-break': 8 * HOUR_MS });
    expect(log.conversations.find((c) => c.conv.id === 'after-shift')?.assignedAt).toBeNull();
  });

  it('assigns only to agents who are online at that instant, over a whole generated day', () => {
    const scenario = buildScenario({ seed: 3, agents: 20, conversations: 800 });
    const online = new Map(scenario.agents.map((a) => [a.id, onlineIntervals(a)]));
    for (const create of [createParley, createRoundRobin]) {
      const log = runEngine({ scenario, config, strategy: create() });
      const offline = log.assignments.filter((a) => !online.get(a.agentId)!.some((s) => a.at >= s.start && a.at < s.end));
      expect(offline).toEqual([]);
    }
  });
});

describe('the invariant counters catch a broken strategy', () => {
  const scenario = buildScenario({ seed: 11, agents: 20, conversations: 800 });

  it('counts assignments beyond capacity when a strategy ignores capacity', () => {
    const ignoresCapacity: Strategy = {
      ...createRoundRobin(),
      name: 'ignores capacity',
      choose: (c, agents) => agents.find((a) => a.online && meetsRequirement(a, c.filter.steps[0]!.requirement, null))?.agentId ?? null,
    };
    expect(measure(scenario, runEngine({ scenario, config, strategy: ignoresCapacity })).invariants.overCapacity).toBeGreaterThan(0);
  });

  it('counts skill violations when a strategy ignores the step-0 requirement', () => {
    const ignoresSkills: Strategy = {
      ...createRoundRobin(),
      name: 'ignores skills',
      choose: (c, agents) => agents.find((a) => a.online && a.load + c.cost <= a.capacity)?.agentId ?? null,
    };
    expect(measure(scenario, runEngine({ scenario, config, strategy: ignoresSkills })).invariants.skillViolations).toBeGreaterThan(0);
  });

  it('counts a breach recorded twice for one conversation', () => {
    const log = runEngine({ scenario, config, strategy: createRoundRobin() });
    const breach = log.breaches[0]!;
    expect(measure(scenario, log).invariants.duplicateBreaches).toBe(0);
    expect(measure(scenario, { ...log, breaches: [...log.breaches, breach] }).invariants.duplicateBreaches).toBe(1);
  });
});
