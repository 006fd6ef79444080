// `npm run bench`: runs each scenario (ingest, inbox, routing) against Parley's real processes,
// the machine's Postgres and a Redis of its own, `--runs` times (3 by default), each run on a fresh
// database, and prints the median, min and max of every figure as a table, or with `--json` as one
// object. `--quick` runs every scenario at a tenth of its size. See docs/performance.md.
import os from 'node:os';
import { parseBenchArgs, type ScenarioName } from './support/args.ts';
import { spreadsOf, type Figures } from './support/stats.ts';
import { formatTable, toJson } from './support/table.ts';
import { ingestSizes, runIngest } from './scenarios/ingest.ts';
import { inboxSizes, runInbox } from './scenarios/inbox.ts';
import { routingSizes, runRouting } from './scenarios/routing.ts';

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const size = args.quick ? 'quick' : 'full';
  const scenarios: Record<ScenarioName, () => Promise<Figures>> = {
    ingest: () => runIngest(ingestSizes[size], { cpuProfDir: args.cpuProfDir, cpuProfApiDir: args.cpuProfApiDir }),
    inbox: () => runInbox(inboxSizes[size]),
    routing: () => runRouting(routingSizes[size]),
  };
  const runs: Figures[] = [];
  for (let run = 1; run <= args.runs; run++) {
    const figures: Figures = {};
    for (const name of args.scenarios) {
      const t0 = Date.now();
      process.stderr.write(`run ${run}/${args.runs}: ${name} (${size}) ...`);
      Object.assign(figures, await scenarios[name]());
      process.stderr.write(` ${Math.round((Date.now() - t0) / 1000)} s\n`);
    }
    runs.push(figures);
  }
  const spreads = spreadsOf(runs);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ size, runs: args.runs, loadAverage: load, cpus: os.cpus().length, ...(toJson(spreads) as object) }, null, 2)}\n`);
  } else {
    process.stdout.write(`${size} size, ${args.runs} run${args.runs > 1 ? 's' : ''}, ${os.cpus().length} CPUs, load average at the end ${load}\n\n${formatTable(spreads)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
