// `npm run bench`: runs each scenario (ingest, inbox, routing, reports) against Parley's real processes,
// the machine's Postgres and a Redis of its own, `--runs` times (3 by default), each run on a fresh
// database, and prints the median, min and max of every figure as a table, or with `--json` as one
// object. `--quick` runs every scenario at a tenth of its size. Parley runs built (`node
// dist/src/main.js`, compiled at the start) unless `--tsx`; `--workers 1,2` runs the ingest
// scenarios once per worker-process count. See docs/performance.md and
// docs/performance/memory-and-bench.md.
import os from 'node:os';
import path from 'node:path';
import { parseBenchArgs, type ScenarioName } from './support/args.ts';
import { spreadsOf, type Figures } from './support/stats.ts';
import { formatTable, toJson } from './support/table.ts';
import { ingestSizes, runIngest } from './scenarios/ingest.ts';
import { runSmtpIngest } from './scenarios/ingest-smtp.ts';
import { clusterDefaults } from './support/bench-cluster.ts';
import { buildForMode, describeMode } from './support/process-mode.ts';
import { mergeWorkerSettings, type WorkerSetting } from './support/worker-settings.ts';
import { inboxSizes, runInbox } from './scenarios/inbox.ts';
import { routingSizes, runRouting } from './scenarios/routing.ts';
import { reportsSizes, runReports } from './scenarios/reports.ts';

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const size = args.quick ? 'quick' : 'full';
  clusterDefaults.mode = args.mode;
  await buildForMode(args.mode, path.resolve(import.meta.dirname, '../..'));
  const scenarios: Record<ScenarioName, (workers: number) => Promise<Figures>> = {
    ingest: (workers) => runIngest(ingestSizes[size], { cpuProfDir: args.cpuProfDir, cpuProfApiDir: args.cpuProfApiDir, workerNodeFlags: args.workerNodeFlags, apiNodeFlags: args.apiNodeFlags, workersNice: args.workersNice, workers }),
    smtp: (workers) => runSmtpIngest(ingestSizes[size], { cpuProfDir: args.cpuProfDir, cpuProfApiDir: args.cpuProfApiDir, workerNodeFlags: args.workerNodeFlags, apiNodeFlags: args.apiNodeFlags, workersNice: args.workersNice, workers }),
    inbox: () => runInbox(inboxSizes[size]),
    routing: () => runRouting(routingSizes[size], { cpuProfDir: args.cpuProfDir }),
    reports: () => runReports(reportsSizes[size]),
  };
  // The ingest scenarios run at every `--workers` setting; the others once, with one worker process.
  const perWorkerCount = new Set<ScenarioName>(['ingest', 'smtp']);
  const runs: Figures[] = [];
  for (let run = 1; run <= args.runs; run++) {
    const figures: Figures = {};
    const settings: WorkerSetting[] = args.workers.map((workers) => ({ workers, figures: {} }));
    for (const name of args.scenarios) {
      for (const setting of perWorkerCount.has(name) ? settings : [{ workers: 1, figures }]) {
        const t0 = Date.now();
        process.stderr.write(`run ${run}/${args.runs}: ${name} (${size}${perWorkerCount.has(name) ? `, ${setting.workers} worker${setting.workers > 1 ? 's' : ''}` : ''}) ...`);
        Object.assign(setting.figures, await scenarios[name](setting.workers));
        process.stderr.write(` ${Math.round((Date.now() - t0) / 1000)} s\n`);
      }
    }
    runs.push({ ...mergeWorkerSettings(settings), ...figures });
  }
  const spreads = spreadsOf(runs);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' ');
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ size, runs: args.runs, mode: args.mode, workers: args.workers, loadAverage: load, cpus: os.cpus().length, ...(toJson(spreads) as object) }, null, 2)}\n`);
  } else {
    const workers = `ingest with ${args.workers.join(', ')} worker process${args.workers.length > 1 || args.workers[0]! > 1 ? 'es' : ''}`;
    process.stdout.write(`${size} size, ${args.runs} run${args.runs > 1 ? 's' : ''}, ${os.cpus().length} CPUs, load average at the end ${load}\nprocesses: ${describeMode(args.mode)}; ${workers}\n\n${formatTable(spreads)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
