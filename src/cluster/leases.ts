// Cluster-wide leases in Redis: a name held by one process at a time (Telegram allows one getUpdates
// poller per bot). A lease is a key holding its owner's id with a time to live; the holder renews it
// every third of that time, so a process that dies (SIGKILL) gives it up within `ttlMs` and the next
// claim elsewhere takes it. A holder whose renewal failed (Redis away) learns it at its next claim.
import { randomUUID } from 'node:crypto';
import type { Redis } from '../redis.ts';

export interface Leases {
  /** Takes or keeps `name` for this process; false while another process holds it. Call it again to keep checking. */
  claim(name: string): Promise<boolean>;
  /** Gives `name` up (only if this process holds it). */
  release(name: string): Promise<void>;
  /** Stops renewing and releases every lease held here. */
  close(): Promise<void>;
}

// Keeps the lease if it is ours, else takes it when free: 1 when held by ARGV[1] afterwards.
const CLAIM = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0`;

export function createLeases(redis: Redis, opts: { prefix: string; ttlMs: number; onError: (err: Error) => void }): Leases {
  const owner = randomUUID();
  const held = new Set<string>();
  const key = (name: string) => `${opts.prefix}:lease:${name}`;
  const claim = async (name: string) => {
    const ok = Number(await redis.eval(CLAIM, 1, key(name), owner, opts.ttlMs)) === 1;
    if (ok) held.add(name);
    else held.delete(name);
    return ok;
  };
  const renew = setInterval(() => {
    for (const name of held) claim(name).catch(opts.onError);
  }, Math.max(50, Math.floor(opts.ttlMs / 3)));
  renew.unref();
  const release = async (name: string) => {
    held.delete(name);
    await redis.eval(RELEASE, 1, key(name), owner);
  };
  return {
    claim,
    release,
    async close() {
      clearInterval(renew);
      await Promise.all([...held].map((name) => release(name).catch(opts.onError)));
    },
  };
}
