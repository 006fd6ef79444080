// Renders a SimulationReport as plain-text tables for people; the --json output is for machines.
import type { QueueMetrics } from './metrics.ts';
import type { SimulationReport } from './run-simulation.ts';

const percent = (x: number) => `${(x * 100).toFixed(1)} %`;
const seconds = (x: number) => `${x.toFixed(1)} s`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('   ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function formatReport(report: SimulationReport): string {
  const { parley, roundRobin } = report;
  const overall = table(
    ['', 'Parley', 'Round robin'],
    [
      ['First-response SLA attained', percent(parley.slaAttainment), percent(roundRobin.slaAttainment)],
      ['Wait p50', seconds(parley.waitP50Seconds), seconds(roundRobin.waitP50Seconds)],
      ['Wait p90', seconds(parley.waitP90Seconds), seconds(roundRobin.waitP90Seconds)],
      ['Utilisation', percent(parley.utilisation), percent(roundRobin.utilisation)],
      ['Load spread (CV)', parley.loadSpread.toFixed(3), roundRobin.loadSpread.toFixed(3)],
      ['Assigned', String(parley.assigned), String(roundRobin.assigned)],
      ['Unassigned at day end', String(parley.unassigned), String(roundRobin.unassigned)],
    ],
  );
  const queues = [...new Set([...Object.keys(parley.perQueue), ...Object.keys(roundRobin.perQueue)])].sort();
  const cell = (m: QueueMetrics | undefined, pick: (m: QueueMetrics) => string) => (m ? pick(m) : '-');
  const perQueue = table(
    ['Queue', 'Conversations', 'SLA Parley', 'SLA RR', 'p90 Parley', 'p90 RR'],
    queues.map((q) => {
      const p = parley.perQueue[q];
      const r = roundRobin.perQueue[q];
      return [
        q,
        String(p?.conversations ?? r?.conversations ?? 0),
        cell(p, (m) => percent(m.slaAttainment)),
        cell(r, (m) => percent(m.slaAttainment)),
        cell(p, (m) => seconds(m.waitP90Seconds)),
        cell(r, (m) => seconds(m.waitP90Seconds)),
      ];
    }),
  );
  const invariants = `Invariants over both policies: over capacity ${report.overCapacity}, skill violations ${report.skillViolations}, duplicate breaches ${report.duplicateBreaches}`;
  const title = `Simulated day: seed ${report.seed}, ${report.agents} agents, ${report.conversations} conversations`;
  return `${title}\n\n${overall}\n\nBy entry queue\n${perQueue}\n\n${invariants}\n`;
}
