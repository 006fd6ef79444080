// Types shared by the HTTP routers: the app's dependencies and what auth puts on the context.
import type { Config } from '../config.ts';
import type { Deps } from '../deps.ts';
import type { AuthenticatedAgent } from '../domain/auth/viewer.ts';
import type { AttemptLimiter } from './attempt-limiter.ts';
import type { RateLimiter } from '../realtime/visitor-rate-limit.ts';
import type { Readiness } from '../health/readiness.ts';

export interface AppDeps extends Deps {
  config: Pick<Config, 'SESSION_TTL_HOURS' | 'SESSION_IDLE_MINUTES' | 'COOKIE_SECURE' | 'PUBLIC_URL' | 'ALLOWED_ORIGINS' | 'TRUST_PROXY' | 'WEBHOOK_DEADLINE_MS' | 'ALLOW_PRIVATE_HOSTS' | 'METRICS_TOKEN' | 'WEBHOOK_ALLOW_PRIVATE'>;
  /** Limits the endpoints anyone may call (first run, account links). */
  limiter: RateLimiter;
  /** Limits guesses of a secret (login, the current password) per address and account. */
  attempts: AttemptLimiter;
  /** GET /readyz: each dependency's status and latency (absent: Postgres only). */
  readiness?: () => Promise<Readiness>;
}

export interface AppEnv {
  Variables: { viewer: AuthenticatedAgent; token: string; /** request-log.ts */ requestId: string };
}

export const SESSION_COOKIE = 'parley_session';
