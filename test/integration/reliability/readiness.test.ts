// GET /readyz reports each dependency (Postgres, Redis, and on the API the SMTP edge) with its
// status and latency, and answers 503 while one is down; /healthz stays the liveness check. The API
// runs in-process on a database behind a TCP proxy that can go silent and on a Redis of its own.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { startHealthServer, type HealthServer } from '../../../src/health/health-server.ts';
import { checkReadiness, probeMigrations, workersReadiness, type Readiness } from '../../../src/health/readiness.ts';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLogger } from '../../../src/log.ts';
import { createWorkerRedis } from '../../../src/redis.ts';
import { createRuntime, startApi, type ApiServer, type Runtime } from '../../../src/runtime.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { startTcpProxy, type TcpProxy } from '../../support/tcp-proxy.ts';
import { waitUntil } from '../../support/wait.ts';

describe('readiness', () => {
  let testDb: TestDb;
  let proxy: TcpProxy;
  let redis: OwnRedis;
  let rt: Runtime;
  let api: ApiServer;
  let health: HealthServer;
  let workerRedis: ReturnType<typeof createWorkerRedis>;

  beforeAll(async () => {
    testDb = await createTestDb();
    const target = new URL(testDb.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    redis = await ownRedis();
    await redis.start();
    const config = loadConfig({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${proxy.port}${target.pathname}`,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: `t-ready-${randomBytes(4).toString('hex')}`,
      HOST: '127.0.0.1',
      PORT: '0',
      SMTP_INBOUND_HOST: '127.0.0.1',
      SMTP_INBOUND_PORT: '0',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    rt = createRuntime(config, createLogger(config.LOG_LEVEL));
    api = await startApi(rt);
    workerRedis = createWorkerRedis(redis.url);
    workerRedis.on('error', () => undefined);
    health = await startHealthServer({ host: '127.0.0.1', port: 0, check: async () => ({ ok: true }), ready: workersReadiness({ db: rt.deps.db, redis: workerRedis }) });
  });
  afterAll(async () => {
    await proxy?.close(); // first: closing over a silent connection would wait for it
    await health?.close();
    workerRedis?.disconnect();
    await api?.close();
    await rt?.close().catch(() => undefined);
    await redis?.kill();
    await testDb?.drop();
  });

  const apiReady = async () => {
    const res = await fetch(`http://127.0.0.1:${api.port}/readyz`);
    return { status: res.status, body: (await res.json()) as Readiness };
  };
  const workersReady = async () => {
    const res = await fetch(`http://127.0.0.1:${health.port}/readyz`);
    return { status: res.status, body: (await res.json()) as Readiness };
  };

  it('reports Postgres, Redis and the SMTP edge up, each with its latency', async () => {
    const { status, body } = await waitUntil(async () => {
      const r = await apiReady();
      return r.status === 200 ? r : null;
    }, 'the API to be ready');
    expect(status).toBe(200);
    expect(Object.keys(body.checks).sort()).toEqual(['email.smtp', 'migrations', 'postgres', 'redis']);
    for (const check of Object.values(body.checks)) {
      expect(check.status).toBe('up');
      expect(check.latencyMs).toBeGreaterThanOrEqual(0);
    }
    const workers = await waitUntil(async () => {
      const r = await workersReady();
      return r.status === 200 ? r : null;
    }, 'the workers to be ready');
    expect(Object.keys(workers.body.checks).sort()).toEqual(['migrations', 'postgres', 'redis']);
  });

  it('reports migrations down while this code ships one the database has not applied', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'parley-migrations-'));
    try {
      await cp(path.resolve('prisma/migrations'), dir, { recursive: true });
      expect((await checkReadiness('api', { migrations: probeMigrations(rt.deps.db, dir) })).ok).toBe(true);
      await mkdir(path.join(dir, '29991231000000_from_the_future'));
      await writeFile(path.join(dir, '29991231000000_from_the_future', 'migration.sql'), 'SELECT 1;');
      const report = await checkReadiness('api', { migrations: probeMigrations(rt.deps.db, dir) });
      expect(report.ok).toBe(false);
      expect(report.checks.migrations).toMatchObject({ status: 'down', error: expect.stringContaining('29991231000000_from_the_future') });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming Redis while Redis is stopped, and 200 again once it is back; /healthz stays 200', async () => {
    await redis.kill();
    const down = await waitUntil(async () => {
      const r = await apiReady();
      return r.status === 503 ? r : null;
    }, 'the API to report Redis down');
    expect(down.body.checks.redis!.status).toBe('down');
    expect(down.body.checks.postgres!.status).toBe('up');
    expect(down.body.checks['email.smtp']!.status).toBe('up');
    const workers = await workersReady();
    expect(workers.status).toBe(503);
    expect(workers.body.checks.redis).toMatchObject({ status: 'down' });
    expect((await fetch(`http://127.0.0.1:${api.port}/healthz`)).status).toBe(200);

    await redis.start();
    await waitUntil(async () => (await apiReady()).status === 200, 'the API ready again', 20_000);
    await waitUntil(async () => (await workersReady()).status === 200, 'the workers ready again', 20_000);
  });

  it('answers 503 naming Postgres within a bounded time when its connections go silent', async () => {
    proxy.freeze();
    const started = Date.now();
    const { status, body } = await apiReady();
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(status).toBe(503);
    expect(body.checks.postgres).toMatchObject({ status: 'down', error: expect.stringMatching(/no answer within/) });
    expect(body.checks.redis!.status).toBe('up');
    expect((await workersReady()).body.checks.postgres!.status).toBe('down');
  });

  it('reports the SMTP edge down once it stops listening', async () => {
    await api.listeners.close();
    const { status, body } = await apiReady();
    expect(status).toBe(503);
    expect(body.checks['email.smtp']).toMatchObject({ status: 'down', error: expect.stringMatching(/ECONNREFUSED/) });
  });
});
