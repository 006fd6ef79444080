// `node dist/src/cli/healthcheck.js [api|workers] [healthz|readyz]`: exits 0 when that Parley process
// on this machine answers its health check (liveness by default), 1 otherwise (Docker HEALTHCHECK, compose).
import { loadConfig } from '../config.ts';
import { healthUrl, probeHealth, type HealthCheck, type ProcessKind } from '../health/probe-health.ts';

const arg = process.argv[2] ?? 'api';
if (arg !== 'api' && arg !== 'workers') {
  console.error(`parley healthcheck: unknown process kind "${arg}" (use api or workers)`);
  process.exit(2);
}
const kind: ProcessKind = arg;
const checkArg = process.argv[3] ?? 'healthz';
if (checkArg !== 'healthz' && checkArg !== 'readyz') {
  console.error(`parley healthcheck: unknown check "${checkArg}" (use healthz or readyz)`);
  process.exit(2);
}
const check: HealthCheck = checkArg;

try {
  const url = healthUrl(loadConfig(process.env), kind, check);
  const result = await probeHealth(url);
  if (!result.ok) console.error(`parley healthcheck: ${kind} unhealthy at ${url}: ${result.detail}`);
  process.exit(result.ok ? 0 : 1);
} catch (err) {
  console.error(`parley healthcheck: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
