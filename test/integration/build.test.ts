// The production build: `npm run build:server` (the server half of `npm run build`) compiles the
// server into dist/, which runs on the production dependencies alone; `node dist/src/main.js api`
// migrates an empty database and answers /healthz, `node dist/src/main.js workers` waits for that
// migration and answers its own health check, and both stop cleanly on SIGTERM.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, startProcess, type ServerProcess } from '../support/child-process.ts';
import { checkDistImports } from '../support/dist-imports.ts';
import { dbUrl, testDbPrefix, testRedisUrl } from '../support/env.ts';
import { withAdmin } from '../support/pg-admin.ts';
import { waitUntil } from '../support/wait.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
// Generous: the build and two Node processes share two cores with the rest of the suite.
const SLOW = 180_000;

const dbName = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_build_${randomBytes(3).toString('hex')}`;
const prefix = `t-build-${randomBytes(4).toString('hex')}`;
let dataDir = '';
const started: ServerProcess[] = [];

function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  // Only what a container would be given: nothing of the test runner's environment leaks in.
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    DATABASE_URL: dbUrl(dbName),
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: prefix,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    SMTP_INBOUND_ENABLED: 'false',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

function start(mode: 'api' | 'workers', extra: Record<string, string> = {}): ServerProcess {
  const proc = startProcess(process.execPath, ['dist/src/main.js', mode], { cwd: root, env: serverEnv(extra) });
  started.push(proc);
  return proc;
}

/** The port a process logged once it listens (`{"port": …, "msg": …}`); fails early if it died. */
function loggedPort(proc: ServerProcess, msg: string): Promise<number> {
  return waitUntil(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`exited with ${proc.child.exitCode}:\n${proc.output()}`);
      const line = proc.logs().find((l) => l.msg === msg);
      return typeof line?.port === 'number' ? line.port : null;
    },
    `"${msg}" in the log`,
    SLOW / 2,
  ).catch((err: unknown) => {
    throw new Error(`${String(err)}\noutput so far:\n${proc.output()}`);
  });
}

async function healthcheck(kind: 'api' | 'workers', env: Record<string, string>, check: 'healthz' | 'readyz' = 'healthz'): Promise<number | null> {
  const result = await runCommand(process.execPath, ['dist/src/cli/healthcheck.js', kind, check], { cwd: root, env: serverEnv(env) });
  return result.code;
}

describe('the production build', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-build-'));
    const startedAt = Date.now();
    const build = await runCommand('npm', ['run', '-s', 'build:server'], { cwd: root });
    console.log(`npm run build:server took ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
    if (build.code !== 0) throw new Error(`npm run build:server failed (${build.code}):\n${build.output}`);
  }, SLOW);

  afterAll(async () => {
    await Promise.all(started.map((p) => p.stop(5_000)));
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    const redis = new Redis(testRedisUrl);
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  }, SLOW);

  it('compiles the server and its Prisma client into dist, importing only production dependencies', () => {
    expect(existsSync(path.join(dist, 'src/main.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'src/generated/prisma/client.js'))).toBe(true);
    expect(existsSync(path.join(dist, 'src/cli/healthcheck.js'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const { files, packages, problems } = checkDistImports(dist, Object.keys(pkg.dependencies));
    expect(files).toBeGreaterThan(100);
    expect(packages).toContain('@prisma/client');
    expect(problems).toEqual([]);
  });

  it('finds the web bundles and migrations from dist/ in the installation folder', async () => {
    const script = `
      const [{ appRoot }, { defaultMigrationsDir }, { defaultWebRoot }, { defaultWidgetRoot }] = await Promise.all([
        import('./dist/src/app-root.js'), import('./dist/src/db/migrate.js'), import('./dist/src/http/static.js'), import('./dist/src/http/routes/widget.js'),
      ]);
      console.log(JSON.stringify({ appRoot, defaultMigrationsDir, defaultWebRoot, defaultWidgetRoot }));`;
    const result = await runCommand(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
    expect(result.code, result.output).toBe(0);
    expect(JSON.parse(result.output.trim().split('\n').at(-1) ?? '')).toEqual({
      appRoot: root,
      defaultMigrationsDir: path.join(root, 'prisma', 'migrations'),
      defaultWebRoot: path.join(root, 'web', 'dist'),
      defaultWidgetRoot: path.join(root, 'web', 'dist-widget'),
    });
  }, SLOW);

  it('runs the API and the workers with node, each answering its own health check', async () => {
    // Workers first, on a database that does not exist yet: they must wait for the API to migrate it.
    const workers = start('workers', { HEALTH_PORT: '0', MIGRATION_WAIT_SECONDS: '170' });
    await waitUntil(async () => workers.logs().some((l) => l.msg === 'waiting for the API process to migrate the database'), 'the workers to wait', SLOW / 2);

    const api = start('api');
    const apiPort = await loggedPort(api, 'API and realtime listening');
    const apiHealth = await waitUntil(async () => {
      const res = await fetch(`http://127.0.0.1:${apiPort}/healthz`);
      return res.status === 200 ? res.json() : null;
    }, 'the API /healthz', SLOW / 2);
    expect(apiHealth).toEqual({ ok: true });
    expect(api.logs().find((l) => l.msg === 'migrations applied')?.applied).toEqual(expect.arrayContaining([expect.stringMatching(/_init$/)]));

    const healthPort = await loggedPort(workers, 'worker health check listening');
    const report = await waitUntil(async () => {
      const res = await fetch(`http://127.0.0.1:${healthPort}/healthz`);
      return res.status === 200 ? ((await res.json()) as { ok: boolean; redis: string; database: string; workers: { queue: string; running: boolean }[] }) : null;
    }, 'the workers /healthz', SLOW / 2);
    expect(report).toMatchObject({ ok: true, redis: 'ok', database: 'ok', pid: workers.child.pid });
    expect(report.workers.map((w) => w.queue)).toEqual(expect.arrayContaining(['ingest', 'route', 'deliver', 'sla']));

    // The command container healthchecks run, for each process kind.
    expect(await healthcheck('api', { PORT: String(apiPort) })).toBe(0);
    expect(await healthcheck('workers', { HEALTH_PORT: String(healthPort) })).toBe(0);
    // compose.yaml's readiness checks.
    expect(await healthcheck('api', { PORT: String(apiPort) }, 'readyz')).toBe(0);
    expect(await healthcheck('workers', { HEALTH_PORT: String(healthPort) }, 'readyz')).toBe(0);

    expect(await workers.stop()).toBe(0);
    expect(await api.stop()).toBe(0);
    expect(await healthcheck('workers', { HEALTH_PORT: String(healthPort) })).toBe(1);
    expect(await healthcheck('api', { PORT: String(apiPort) })).toBe(1);
    expect(await healthcheck('api', { PORT: String(apiPort) }, 'readyz')).toBe(1);
  }, SLOW * 2);
});
