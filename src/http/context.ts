// Types shared by the HTTP routers: the app's dependencies and what auth puts on the context.
import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import type { AuthenticatedAgent } from '../domain/auth/viewer.ts';
import type { RateLimiter } from '../realtime/visitor-rate-limit.ts';
import type { Readiness } from '../health/readiness.ts';

export interface AppDeps extends Deps {
  config: Pick<Config, 'SESSION_TTL_HOURS' | 'COOKIE_SECURE' | 'PUBLIC_URL' | 'TRUST_PROXY' | 'WEBHOOK_DEADLINE_MS'>;
  /** Limits the endpoints anyone may call (login, first run, account links). */
  limiter: RateLimiter;
  /** GET /readyz: each dependency's status and latency (absent: Postgres only). */
  readiness?: () => Promise<Readiness>;
}

export interface AppEnv {
  Variables: { viewer: AuthenticatedAgent; token: string };
}

export const SESSION_COOKIE = 'parley_session';
