// Token buckets in Redis, shared by every API node: a visitor may send a burst of messages, then
// `perMinute`. If Redis is away the limit is not enforced (the message is durable in Postgres anyway).
import type { Logger } from '../log.ts';
import type { Redis } from '../redis.ts';

export interface RateRule {
  burst: number;
  perMinute: number;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

export interface RateLimiter {
  /** Takes one token. */
  take(key: string, rule: RateRule): Promise<RateDecision>;
}

// KEYS[1] bucket; ARGV capacity, tokens per ms, tokens to take. Redis's own clock, so every node agrees.
const TOKEN_BUCKET = `
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then
  tokens = tokens - cost
else
  wait = math.ceil((1 - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity / rate) + 1000)
return wait
`;

export function createRedisRateLimiter(redis: Redis, prefix: string, log: Logger): RateLimiter {
  return {
    async take(key, rule) {
      try {
        const wait = Number(await redis.eval(TOKEN_BUCKET, 1, `${prefix}:ratelimit:${key}`, rule.burst, rule.perMinute / 60_000, 1));
        return wait > 0 ? { ok: false, retryAfterMs: wait } : { ok: true };
      } catch (err) {
        log.warn({ err, key }, 'rate limiter unavailable; letting the request through');
        return { ok: true };
      }
    },
  };
}
