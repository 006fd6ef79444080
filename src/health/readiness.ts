// Readiness (GET /readyz): whether this process can do its work now, dependency by dependency,
// each with its status and how long it took to answer; 503 when any is down. /healthz stays the
// liveness check (the process runs). A probe that does not answer within the timeout is down.
import { connect } from 'node:net';
import type { Db } from '../db/client.ts';
import { readMigrations } from '../db/migrate.ts';
import { APPLIED_MIGRATIONS, firstPending, type AppliedMigration } from '../db/wait-for-migrations.ts';
import type { Redis } from '../redis.ts';

export interface DependencyStatus {
  status: 'up' | 'down';
  latencyMs: number;
  /** Why it is down. */
  error?: string;
}

export interface Readiness {
  ok: boolean;
  kind: 'api' | 'workers';
  /** Set while the process shuts down: it takes no new work, so it is not ready whatever its dependencies say. */
  stopping?: boolean;
  checks: Record<string, DependencyStatus>;
}

export type Probe = () => Promise<unknown>;

async function timed(probe: Probe, timeoutMs: number): Promise<DependencyStatus> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([probe(), timeout]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(kind: Readiness['kind'], probes: Record<string, Probe>, opts: { timeoutMs?: number; stopping?: boolean } = {}): Promise<Readiness> {
  const names = Object.keys(probes);
  const results = await Promise.all(names.map((n) => timed(probes[n]!, opts.timeoutMs ?? 2_000)));
  const checks = Object.fromEntries(names.map((n, i) => [n, results[i]!]));
  const ok = !opts.stopping && results.every((r) => r.status === 'up');
  return { ok, kind, ...(opts.stopping ? { stopping: true } : {}), checks };
}

export const probePostgres =
  (db: Db): Probe =>
  () =>
    db.$queryRaw`SELECT 1`;

/** Every migration this code ships with is applied (the list is read once; the table at each probe). */
export function probeMigrations(db: Db, dir?: string): Probe {
  let shipped: ReturnType<typeof readMigrations> | undefined;
  return async () => {
    shipped ??= readMigrations(dir);
    const pending = firstPending(await shipped, await db.$queryRawUnsafe<AppliedMigration[]>(APPLIED_MIGRATIONS));
    if (pending) throw new Error(`migration ${pending} is not applied yet`);
  };
}

/** A connection that is not ready (reconnecting while Redis is away) is down without waiting on it. */
export const probeRedis =
  (redis: Redis): Probe =>
  async () => {
    if (redis.status !== 'ready') throw new Error(`connection ${redis.status}`);
    await redis.ping();
  };

/** A listener takes connections: a TCP connection to its port opens. */
export const probeTcp =
  (host: string, port: number): Probe =>
  () =>
    new Promise<void>((resolve, reject) => {
      const any = host === '0.0.0.0' || host === '::' || host === '';
      const socket = connect({ host: any ? '127.0.0.1' : host, port });
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', (err) => {
        socket.destroy();
        reject(err);
      });
    });

/** The worker process's readiness: Postgres and its Redis connection. */
export const workersReadiness = (input: { db: Db; redis: Redis }) => {
  const migrations = probeMigrations(input.db);
  return () => checkReadiness('workers', { postgres: probePostgres(input.db), migrations, redis: probeRedis(input.redis) });
};
