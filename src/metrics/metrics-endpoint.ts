// Who may read /metrics, on the API and on a worker process's health port: with METRICS_TOKEN set,
// whoever sends it as `Authorization: Bearer <token>` (Prometheus' `authorization` scrape setting);
// without it, only this machine (loopback), so a node reachable from outside does not publish its
// queue depths and traffic to anyone who asks.
import { timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';

export type MetricsAccess = { ok: true } | { ok: false; status: 401 | 403; message: string };

const isLoopback = (address: string | undefined) => !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'));

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function metricsAccess(token: string | undefined, authorization: string | undefined, remoteAddress: string | undefined): MetricsAccess {
  if (token) {
    const given = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return given && sameToken(given, token) ? { ok: true } : { ok: false, status: 401, message: 'Send METRICS_TOKEN as Authorization: Bearer <token>' };
  }
  return isLoopback(remoteAddress) ? { ok: true } : { ok: false, status: 403, message: 'Set METRICS_TOKEN to read /metrics from another machine' };
}

/** The scrape's body and content type. */
export async function renderMetrics(registry: Registry): Promise<{ body: string; contentType: string }> {
  return { body: await registry.metrics(), contentType: registry.contentType };
}
