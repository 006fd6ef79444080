// Entry point. `npm start` runs everything in one process (migrate, seed, API + realtime and the
// channels' listeners such as the SMTP edge, workers); `start:api` and `start:workers` run the
// same code as separate processes (`node dist/src/main.js [all|api|workers]` once built). Only the
// API migrates; workers wait for it. Each half is imported only when the mode runs it: an API
// process does not load the queues' processors, a workers process not the HTTP routes, socket.io
// or the demo seed (less memory per process, faster start).
import { ConfigError, loadConfig } from './config.ts';
import { ensureDatabase, migrate } from './db/migrate.ts';
import { waitForMigrations } from './db/wait-for-migrations.ts';
import { createLogger } from './log.ts';
import { createRuntime } from './runtime-core.ts';
import { boundHeapGrowth, WORKERS_HEAP_GROWING_PERCENT } from './heap-growth.ts';
import { keepWasmBaselineTierOnly } from './wasm-tier.ts';
import { lowerOwnPriority } from './process-priority.ts';

type Mode = 'all' | 'api' | 'workers';

function parseMode(arg: string | undefined): Mode {
  if (arg === undefined || arg === 'all') return 'all';
  if (arg === 'api' || arg === 'workers') return arg;
  console.error(`parley: unknown mode "${arg}" (use all, api or workers)`);
  process.exit(2);
}

async function main(): Promise<void> {
  keepWasmBaselineTierOnly();
  const mode = parseMode(process.argv[2]);
  // The queues' workers allocate fast and briefly under a burst; a fixed growing factor keeps the
  // garbage between full collections in proportion to the live set (heap-growth.ts). The API
  // process keeps V8's own (it stays well under its budget, and its latency pays for each collection).
  if (mode !== 'api') boundHeapGrowth(WORKERS_HEAP_GROWING_PERCENT, { execArgv: process.execArgv, nodeOptions: process.env.NODE_OPTIONS });
  const config = loadConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  // A promise nobody awaited must not take the process (and every connection it serves) down with it.
  process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection; still serving'));
  if (mode !== 'workers') {
    await ensureDatabase(config.DATABASE_URL);
    const migrated = await migrate(config.DATABASE_URL);
    if (migrated.applied.length) log.info({ applied: migrated.applied }, 'migrations applied');
  } else {
    lowerOwnPriority(config.WORKERS_NICE, log);
    await waitForMigrations(config.DATABASE_URL, {
      timeoutMs: config.MIGRATION_WAIT_SECONDS * 1000,
      onWaiting: (pending) => log.info({ pending }, 'waiting for the API process to migrate the database'),
    });
  }
  const rt = createRuntime(config, log, { processKind: mode });
  const closers: (() => Promise<void>)[] = [];
  if (mode !== 'api') {
    const [{ startWorkerSet }, { startHealthServer }, { checkWorkersHealth }, { workersReadiness }] = await Promise.all([
      import('./runtime-workers.ts'),
      import('./health/health-server.ts'),
      import('./health/workers-health.ts'),
      import('./health/readiness.ts'),
    ]);
    const workers = await startWorkerSet(rt);
    closers.push(workers.close);
    if (config.HEALTH_PORT !== undefined) {
      const check = () => checkWorkersHealth({ db: rt.deps.db, redis: workers.connection, states: workers.states });
      const ready = workersReadiness({ db: rt.deps.db, redis: workers.connection });
      const health = await startHealthServer({ host: config.HOST, port: config.HEALTH_PORT, check, ready, metrics: { registry: rt.deps.metrics.registry, token: config.METRICS_TOKEN } });
      log.info({ port: health.port }, 'worker health check listening');
      closers.push(health.close);
    }
  }
  if (mode !== 'workers') {
    const [{ startApi }, { seedDemo }, { firstAdminHint }] = await Promise.all([import('./runtime-api.ts'), import('./seed/seed-demo.ts'), import('./domain/people/first-admin-hint.ts')]);
    closers.push((await startApi(rt)).close);
    if (config.SEED_DEMO) await seedDemo(rt.deps, { password: config.DEMO_PASSWORD, smtpHost: config.DEMO_SMTP_HOST, smtpPort: config.DEMO_SMTP_PORT });
    const hint = await firstAdminHint(rt.deps.db, config.PUBLIC_URL);
    if (hint) log.warn(hint);
  }
  log.info({ mode, url: config.PUBLIC_URL }, 'Parley is running');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutting down');
    // The bound: whatever has not finished by then (a hung request, a job that never returns) is abandoned.
    setTimeout(() => {
      log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown did not finish within SHUTDOWN_TIMEOUT_MS; exiting anyway');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS).unref();
    for (const close of closers.reverse()) await close().catch((err: unknown) => log.error({ err }, 'error while closing'));
    await rt.close();
    log.info({ ms: Date.now() - started }, 'shut down');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(`parley: ${err.message}`);
  else console.error('parley: failed to start:', err);
  process.exit(1);
});
