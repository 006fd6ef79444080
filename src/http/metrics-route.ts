// GET /metrics on the API: this process's Prometheus metrics, for whoever metricsAccess lets in.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { metricsAccess, renderMetrics } from '../metrics/metrics-endpoint.ts';
import type { AppDeps } from './context.ts';

function remoteAddress(c: Context): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // not served by node's HTTP server (app.request in a test): no address, so only a token opens it
  }
}

export function metricsRoute(deps: Pick<AppDeps, 'config' | 'metrics'>) {
  return async (c: Context) => {
    const access = metricsAccess(deps.config.METRICS_TOKEN, c.req.header('authorization'), remoteAddress(c));
    if (!access.ok) return c.json({ error: { code: access.status === 401 ? 'unauthenticated' : 'forbidden', message: access.message } }, access.status);
    const { body, contentType } = await renderMetrics(deps.metrics.registry);
    return c.body(body, 200, { 'content-type': contentType, 'cache-control': 'no-store' });
  };
}
