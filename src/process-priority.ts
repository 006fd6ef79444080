// A workers-only process can yield the CPU to the API it shares a host with (WORKERS_NICE): the
// queues are durable, so the workers catching up a second later loses nothing, while a webhook
// answered late keeps its provider waiting (and may be retried) and an agent's request waits. On a
// host of its own the setting changes nothing. Measured on the 2-core bench machine (API, workers,
// Postgres and Redis together; docs/operations.md): at 10, a 10,000-webhook burst was accepted at
// ~1,400/s instead of ~950/s with ack p99 ~60 ms instead of ~110 ms, at the price of a backlog the
// agents see (p99 ~4.5 s instead of ~1 s); at a steady 500/s ack p99 ~27 ms instead of ~50 ms.
import os from 'node:os';
import type { Logger } from './log.ts';

/** Raises this process's niceness to `nice` (never lowers it: that needs privileges). */
export function lowerOwnPriority(nice: number, log: Pick<Logger, 'info' | 'warn'>): void {
  if (nice <= 0) return;
  const current = os.getPriority();
  if (current >= nice) return;
  try {
    os.setPriority(nice);
    log.info({ nice }, 'workers run at a lower CPU priority than the API (WORKERS_NICE)');
  } catch (err) {
    log.warn({ err, nice }, 'could not lower the workers\' CPU priority (WORKERS_NICE); running at the default');
  }
}
