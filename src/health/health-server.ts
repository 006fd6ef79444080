// A tiny HTTP server answering GET /healthz (GET /readyz: each dependency with its status and
// latency; GET /metrics: Prometheus) for a process without the API (the worker process), so container healthchecks and
// orchestrator probes can ask it the same way they ask the API.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { metricsAccess, renderMetrics } from '../metrics/metrics-endpoint.ts';

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export interface HealthServerOptions {
  host: string;
  port: number;
  check: () => Promise<{ ok: boolean }>;
  /** GET /readyz; absent: 404. */
  ready?: () => Promise<{ ok: boolean }>;
  /** GET /metrics: this registry, behind METRICS_TOKEN (or loopback only); absent: 404. */
  metrics?: { registry: Registry; token: string | undefined };
}

export async function startHealthServer(opts: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/metrics' && opts.metrics && req.method === 'GET') {
      const access = metricsAccess(opts.metrics.token, req.headers.authorization, req.socket.remoteAddress);
      if (!access.ok) {
        res.writeHead(access.status, { 'content-type': 'text/plain' }).end(access.message);
        return;
      }
      renderMetrics(opts.metrics.registry).then(
        ({ body, contentType }) => res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
        (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(err instanceof Error ? err.message : String(err)),
      );
      return;
    }
    const answer = path === '/healthz' ? opts.check : path === '/readyz' ? opts.ready : undefined;
    if (!answer || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    answer()
      .then((report) => {
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(req.method === 'HEAD' ? undefined : JSON.stringify(report));
      })
      .catch((err: unknown) => {
        res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: false, error: err instanceof Error ? err.message : String(err) }));
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
