// Runs the same simulated day under Parley's routing and under plain round robin and reports both
// side by side, with the invariant counters summed over the two.
import { runEngine, type Strategy } from './engine.ts';
import { measure, type Invariants, type PolicyMetrics, type QueueMetrics } from './metrics.ts';
import { strategies, type StrategyName } from './policies.ts';
import { buildScenario, type ScenarioOptions } from './scenario.ts';
import type { Scenario } from './model.ts';
import { loadConfig, type SimConfig } from './workflow.ts';

export type SimulationOptions = ScenarioOptions;

export type PolicyReport = PolicyMetrics;

export interface SimulationReport extends Invariants {
  seed: number;
  agents: number;
  conversations: number;
  parley: PolicyReport;
  roundRobin: PolicyReport;
}

export const defaultSimulation: SimulationOptions = { seed: 42, agents: 50, conversations: 5000 };

export function runSimulation(options: SimulationOptions): SimulationReport {
  const scenario = buildScenario(options);
  const config = loadConfig();
  const reports = Object.fromEntries(
    Object.entries(strategies).map(([name, create]) => [name, simulatePolicy(scenario, config, create())]),
  ) as Record<StrategyName, PolicyReport>;
  const sum = (key: keyof Invariants) => reports.parley.invariants[key] + reports.roundRobin.invariants[key];
  return {
    seed: options.seed,
    agents: options.agents,
    conversations: options.conversations,
    parley: reports.parley,
    roundRobin: reports.roundRobin,
    overCapacity: sum('overCapacity'),
    skillViolations: sum('skillViolations'),
    duplicateBreaches: sum('duplicateBreaches'),
  };
}

/** One strategy over one scenario, measured and rounded for reporting. */
export function simulatePolicy(scenario: Scenario, config: SimConfig, strategy: Strategy): PolicyReport {
  const metrics = measure(scenario, runEngine({ scenario, config, strategy }));
  return {
    ...roundQueue(metrics),
    utilisation: round(metrics.utilisation, 4),
    loadSpread: round(metrics.loadSpread, 4),
    perQueue: Object.fromEntries(Object.entries(metrics.perQueue).map(([q, m]) => [q, roundQueue(m)])),
    invariants: metrics.invariants,
  };
}

function roundQueue(m: QueueMetrics): QueueMetrics {
  return {
    conversations: m.conversations,
    assigned: m.assigned,
    unassigned: m.unassigned,
    slaAttainment: round(m.slaAttainment, 4),
    waitP50Seconds: round(m.waitP50Seconds, 1),
    waitP90Seconds: round(m.waitP90Seconds, 1),
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
