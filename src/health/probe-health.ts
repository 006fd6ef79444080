// The client side of the health checks: which URL answers for a process kind, and asking it.
// Used by `node dist/src/cli/healthcheck.js [api|workers] [healthz|readyz]` in container healthchecks.
import type { Config } from '../config.ts';

export type ProcessKind = 'api' | 'workers';

/** Liveness (/healthz: the process works) or readiness (/readyz: every dependency answers; a proxy may send it traffic). */
export type HealthCheck = 'healthz' | 'readyz';

/** Where this machine reaches the process's health check: the API's port, or HEALTH_PORT's. */
export function healthUrl(config: Pick<Config, 'HOST' | 'PORT' | 'HEALTH_PORT'>, kind: ProcessKind, check: HealthCheck = 'healthz'): string {
  const port = kind === 'api' ? config.PORT : config.HEALTH_PORT;
  if (port === undefined) throw new Error('HEALTH_PORT is not set, so the worker process serves no health check');
  const any = config.HOST === '0.0.0.0' || config.HOST === '::' || config.HOST === '';
  const host = any ? '127.0.0.1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/${check}`;
}

export interface ProbeResult {
  ok: boolean;
  detail: string;
}

export async function probeHealth(url: string, timeoutMs = 4_000): Promise<ProbeResult> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { ok: res.ok, detail: `${res.status} ${body}`.trim() };
  } catch (err) {
    return { ok: false, detail: err instanceof Error ? err.message : String(err) };
  }
}
