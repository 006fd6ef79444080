// Which Redis Parley talks to: one server (REDIS_URL), a Sentinel-watched primary (REDIS_SENTINELS,
// REDIS_SENTINEL_NAME) or a Redis Cluster (REDIS_CLUSTER_NODES). REDIS_URL's user, password,
// database and scheme (rediss: is TLS) apply to the primary or to every cluster node.
import { z } from 'zod';

export interface RedisHost {
  host: string;
  port: number;
}

export type RedisTarget =
  | { kind: 'single'; url: string }
  | { kind: 'sentinel'; sentinels: RedisHost[]; name: string; auth: RedisAuth }
  | { kind: 'cluster'; nodes: RedisHost[]; auth: RedisAuth };

export interface RedisAuth {
  username?: string;
  password?: string;
  db?: number;
  tls: boolean;
}

/** `host:port, host:port` (a port defaults to `defaultPort`); IPv6 hosts in brackets: `[::1]:26379`. */
export const redisHostList = (defaultPort: number) =>
  z
    .string()
    .transform((v) => v.split(',').map((h) => h.trim()).filter(Boolean))
    .pipe(
      z
        .array(z.string().regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/, 'each entry is host or host:port'))
        .min(1)
        .transform((list) => list.map((entry) => parseHost(entry, defaultPort))),
    );

function parseHost(entry: string, defaultPort: number): RedisHost {
  const m = /^(\[([0-9a-fA-F:]+)\]|[A-Za-z0-9.-]+)(?::(\d+))?$/.exec(entry)!;
  return { host: m[2] ?? m[1]!, port: m[3] ? Number(m[3]) : defaultPort };
}

export const redisSchema = z.object({
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).default('redis://127.0.0.1:6379'),
  /** Sentinels watching the primary (`host:port,...`, port 26379 by default); with it REDIS_URL's host is not used. */
  REDIS_SENTINELS: redisHostList(26379).optional(),
  /** The primary's name the sentinels know it by. */
  REDIS_SENTINEL_NAME: z.string().min(1).default('mymaster'),
  /** Some of a Redis Cluster's nodes (`host:port,...`, port 6379 by default); the rest are discovered. */
  REDIS_CLUSTER_NODES: redisHostList(6379).optional(),
});

type RedisSettings = z.infer<typeof redisSchema>;

/** The target the settings name; both Sentinel and Cluster set is an error (they are different deployments). */
export function redisTarget(settings: RedisSettings): RedisTarget {
  if (settings.REDIS_SENTINELS && settings.REDIS_CLUSTER_NODES) throw new Error('REDIS_SENTINELS and REDIS_CLUSTER_NODES: set one of them, not both');
  if (!settings.REDIS_SENTINELS && !settings.REDIS_CLUSTER_NODES) return { kind: 'single', url: settings.REDIS_URL };
  const url = new URL(settings.REDIS_URL);
  const db = url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined;
  const auth: RedisAuth = {
    ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
    ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
    ...(db !== undefined && Number.isInteger(db) ? { db } : {}),
    tls: url.protocol === 'rediss:',
  };
  if (settings.REDIS_SENTINELS) return { kind: 'sentinel', sentinels: settings.REDIS_SENTINELS, name: settings.REDIS_SENTINEL_NAME, auth };
  if (auth.db) throw new Error('REDIS_URL names a database other than 0, which a Redis Cluster does not have');
  return { kind: 'cluster', nodes: settings.REDIS_CLUSTER_NODES!, auth };
}

/**
 * BullMQ keeps a queue's keys in one hash slot only when its prefix is a hash tag (`{parley}`): on a
 * Redis Cluster an untagged prefix is tagged; elsewhere it is kept as given.
 */
export function queuePrefixFor(target: RedisTarget, prefix: string): string {
  if (target.kind !== 'cluster' || /^\{[^}]+\}/.test(prefix)) return prefix;
  return `{${prefix}}`;
}
