// Limits on attempts that guess a secret (logins, the current password), shared by every API node
// through Redis with rate-limiter-flexible. An attempt reserves a point in every bucket it names
// BEFORE the secret is checked (one atomic INCR each), so parallel guesses cannot all slip past a
// check-then-count; an attempt that turns out not to be a failure gets its points back.
//
// If Redis is away each node falls back to an in-memory limiter with the same limits
// (rate-limiter-flexible's insuranceLimiter): logins keep working and stay limited per node, so
// an outage of Redis is not an outage of logging in. See docs/security.md.
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Logger } from '../log.ts';
import type { Redis } from '../redis.ts';

export interface AttemptRule {
  /** Names the bucket family in Redis: `login-ip`, `login-account` ... */
  name: string;
  /** Failures allowed per window. */
  points: number;
  windowSeconds: number;
  /** A success clears the bucket (a limit on consecutive failures) instead of only returning its point. */
  resetOnSuccess?: boolean;
}

/** How a reserved attempt ended: a failure keeps its points; a success or an attempt that checked nothing (bad input, busy) gives them back. */
export type AttemptOutcome = 'failed' | 'succeeded' | 'not-counted';

export type AttemptReservation = { ok: true; settle(outcome: AttemptOutcome): Promise<void> } | { ok: false; retryAfterMs: number; rule: string };

export interface AttemptLimiter {
  reserve(attempts: { rule: AttemptRule; key: string }[]): Promise<AttemptReservation>;
}

export function createAttemptLimiter(redis: Redis, prefix: string, log: Logger): AttemptLimiter {
  const limiters = new Map<string, RateLimiterRedis>();
  const limiterFor = (rule: AttemptRule) => {
    let limiter = limiters.get(rule.name);
    if (!limiter) {
      const insuranceLimiter = new RateLimiterMemory({ points: rule.points, duration: rule.windowSeconds, keyPrefix: `${prefix}:attempts:${rule.name}` });
      limiter = new RateLimiterRedis({ storeClient: redis, points: rule.points, duration: rule.windowSeconds, keyPrefix: `${prefix}:attempts:${rule.name}`, rejectIfRedisNotReady: true, insuranceLimiter });
      limiters.set(rule.name, limiter);
    }
    return limiter;
  };
  // Giving points back is best effort: a refund lost to a Redis hiccup only makes a limit stricter for one window.
  const quietly = (what: string, p: Promise<unknown>) => p.then(() => undefined).catch((err: unknown) => log.warn({ err }, `attempt limiter: ${what} failed`));

  return {
    async reserve(attempts) {
      const taken = await Promise.allSettled(attempts.map((a) => limiterFor(a.rule).consume(a.key, 1)));
      const refused = taken.flatMap((t, i) => (t.status === 'rejected' ? [{ reason: t.reason as unknown, rule: attempts[i]!.rule }] : []));
      const refund = (which: typeof attempts) => Promise.all(which.map((a) => quietly('refund', limiterFor(a.rule).reward(a.key, 1)))).then(() => undefined);
      if (refused.length > 0) {
        // Not a real error (that would be an Error, not a RateLimiterRes): rethrow it.
        const unexpected = refused.find((r) => !(r.reason instanceof RateLimiterRes));
        await refund(attempts.filter((_, i) => taken[i]!.status === 'fulfilled'));
        if (unexpected) throw unexpected.reason;
        const worst = refused.reduce((a, b) => ((a.reason as RateLimiterRes).msBeforeNext >= (b.reason as RateLimiterRes).msBeforeNext ? a : b));
        return { ok: false, retryAfterMs: (worst.reason as RateLimiterRes).msBeforeNext, rule: worst.rule.name };
      }
      return {
        ok: true,
        async settle(outcome) {
          if (outcome === 'failed') return;
          if (outcome === 'not-counted') return refund(attempts);
          await refund(attempts.filter((a) => !a.rule.resetOnSuccess));
          await Promise.all(attempts.filter((a) => a.rule.resetOnSuccess).map((a) => quietly('reset', limiterFor(a.rule).delete(a.key))));
        },
      };
    },
  };
}
