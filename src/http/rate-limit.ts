// Rate limits for the endpoints anyone can call (login, first run, account links) and for password
// guesses: a token bucket per client address (and per account where the request names one),
// shared by every API node through Redis. Too many attempts get 429 with Retry-After.
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../errors.ts';
import type { RateRule } from '../realtime/visitor-rate-limit.ts';
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
  /** Names the bucket family: `login`, `first-run` ... */
  name: string;
  rule: RateRule;
  /** A second part of the key besides the address (the email a login names); may read the body. */
  subject?: (c: Context<AppEnv>) => Promise<string | null> | string | null;
  /** Count only answers with this status (a wrong password), so people who get in are never held up. Default: every request counts. */
  failureStatus?: number;
}

export function rateLimit(deps: Pick<AppDeps, 'limiter' | 'config'>, spec: LimitSpec): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const address = clientAddress(c, deps.config.TRUST_PROXY);
    const subject = spec.subject ? await spec.subject(c) : null;
    const key = `http:${spec.name}:${address}${subject ? `:${subject}` : ''}`;
    const decision = await deps.limiter.take(key, spec.rule, { peek: spec.failureStatus !== undefined });
    if (!decision.ok) {
      const seconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      c.header('Retry-After', String(seconds));
      throw new AppError('rate_limited', `Too many attempts; try again in ${seconds} second${seconds === 1 ? '' : 's'}`);
    }
    await next();
    // A handler's error is already rendered here (c.res), so a refused attempt is seen and counted.
    if (spec.failureStatus !== undefined && c.res.status === spec.failureStatus) await deps.limiter.take(key, spec.rule);
  };
}

/** The lower-cased `email` of a JSON body, for per-account buckets (reading the body here leaves it readable for the route). */
export async function bodyEmail(c: Context<AppEnv>): Promise<string | null> {
  const body: unknown = await c.req.json().catch(() => null);
  const email = typeof body === 'object' && body !== null && 'email' in body ? (body as { email: unknown }).email : null;
  return typeof email === 'string' ? email.trim().toLowerCase().slice(0, 200) : null;
}
