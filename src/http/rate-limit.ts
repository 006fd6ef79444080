// Rate limits for the endpoints anyone can call (first run, account links): a token bucket per
// client address; and for password guesses (login, the current password): attempt buckets per
// address and account (attempt-limiter.ts). Both are shared by every API node through Redis. Too
// many attempts get 429 with Retry-After.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../errors.ts';
import type { RateRule } from '../realtime/visitor-rate-limit.ts';
import type { AttemptRule } from './attempt-limiter.ts';
import type { AppDeps, AppEnv } from './context.ts';

/** The caller's address: the socket's peer, or behind our own proxy (TRUST_PROXY) the first X-Forwarded-For hop. */
export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // In-process requests (app.request) have no socket.
    return 'unknown';
  }
}

export interface LimitSpec {
  /** Names the bucket family: `first-run`, `account-link` ... */
  name: string;
  rule: RateRule;
}

/** A token bucket per client address for endpoints anyone may call; every request counts. */
export function rateLimit(deps: Pick<AppDeps, 'limiter' | 'config'>, spec: LimitSpec): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const decision = await deps.limiter.take(`http:${spec.name}:${clientAddress(c, deps.config.TRUST_PROXY)}`, spec.rule);
    if (!decision.ok) throw tooMany(c, decision.retryAfterMs);
    await next();
  };
}

export interface AttemptSpec {
  /** The buckets an attempt counts in, each with its key (null: this one does not apply, e.g. no email in the body). */
  buckets: { rule: AttemptRule; key: (c: Context<AppEnv>, address: string) => Promise<string | null> | string | null }[];
  /** The answer that means "a wrong guess": only these keep their points. */
  failureStatus: number;
}

/**
 * For endpoints that check a secret: the attempt is counted in every bucket before the handler
 * runs (so parallel guesses are counted, not just looked at), and given back unless the answer is
 * `failureStatus`. Over the limit: 429 with Retry-After, even for the right secret.
 */
export function attemptLimit(deps: Pick<AppDeps, 'attempts' | 'config'>, spec: AttemptSpec): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c, deps.config.TRUST_PROXY);
    const keyed = await Promise.all(spec.buckets.map(async (b) => ({ rule: b.rule, key: await b.key(c, address) })));
    const reservation = await deps.attempts.reserve(keyed.filter((b): b is { rule: AttemptRule; key: string } => b.key !== null));
    if (!reservation.ok) throw tooMany(c, reservation.retryAfterMs);
    await next();
    // A handler's error is already rendered here (c.res), so a refused attempt is seen and counted.
    const status = c.res.status;
    await reservation.settle(status === spec.failureStatus ? 'failed' : status < 400 ? 'succeeded' : 'not-counted');
  };
}

function tooMany(c: Context<AppEnv>, retryAfterMs: number): AppError {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  c.header('Retry-After', String(seconds));
  return new AppError('rate_limited', `Too many attempts; try again in ${formatWait(seconds)}`);
}

const formatWait = (seconds: number): string =>
  seconds < 120 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;

/** The lower-cased `email` of a JSON body, for per-account buckets (reading the body here leaves it readable for the route). */
export async function bodyEmail(c: Context<AppEnv>): Promise<string | null> {
  const body: unknown = await c.req.json().catch(() => null);
  const email = typeof body === 'object' && body !== null && 'email' in body ? (body as { email: unknown }).email : null;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 200) : null;
}
