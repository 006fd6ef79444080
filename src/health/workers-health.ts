// What a worker process reports on GET /healthz: Redis and Postgres answer, and every worker is
// still taking jobs. Any part failing makes the whole process unhealthy (HTTP 503).
import { hostname } from 'node:os';
import type { Db } from '../db/client.ts';
import type { Redis } from '../redis.ts';
import type { WorkerState } from '../../workers/index.ts';

export interface WorkersHealth {
  ok: boolean;
  kind: 'workers';
  pid: number;
  hostname: string;
  /** 'ok' or why not. */
  redis: string;
  database: string;
  workers: WorkerState[];
}

export interface WorkersHealthInput {
  db: Db;
  redis: Redis;
  states: () => WorkerState[];
  timeoutMs?: number;
}

async function probe(what: () => Promise<unknown>, timeoutMs: number): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([what().then(() => 'ok'), timeout]);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkWorkersHealth(input: WorkersHealthInput): Promise<WorkersHealth> {
  const timeoutMs = input.timeoutMs ?? 2_000;
  const [redis, database] = await Promise.all([
    // The worker connection queues commands while it reconnects: only a ready one is asked.
    input.redis.status === 'ready' ? probe(() => input.redis.ping(), timeoutMs) : Promise.resolve(`connection ${input.redis.status}`),
    probe(() => input.db.$queryRaw`SELECT 1`, timeoutMs),
  ]);
  const workers = input.states();
  const ok = redis === 'ok' && database === 'ok' && workers.length > 0 && workers.every((w) => w.running);
  return { ok, kind: 'workers', pid: process.pid, hostname: hostname(), redis, database, workers };
}
