// Environment parsed once at boot. Nothing else in Parley reads process.env.
import { z } from 'zod';
import { queuePrefixFor, redisSchema, redisTarget, type RedisTarget } from './redis-target.ts';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** `https://a.example, https://b.example`: each an http(s) origin (scheme, host, optional port; no path). */
const originList = z
  .string()
  .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
  .pipe(z.array(z.url({ protocol: /^https?$/ }).refine((o) => new URL(o).origin === o.replace(/\/$/, ''), 'an origin is scheme://host[:port] without a path')).transform((list) => list.map((o) => new URL(o).origin)));

const serverSchema = z.object({
  HOST: z.string().default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Defaults to http://localhost:PORT (see loadConfig). */
  PUBLIC_URL: z.url().optional(),
  /** Longest a session lives, however active (two weeks). */
  SESSION_TTL_HOURS: z.coerce.number().positive().default(24 * 14),
  /** A session unused for this long ends (8 hours, Zendesk's default: an agent is logged in again each working day). */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).default(8 * 60),
  /** How long an agent with no open socket stays online (survives page reloads). */
  PRESENCE_GRACE_SECONDS: z.coerce.number().min(0).default(30),
  /** How often each node re-checks its agents' sockets against their sessions: an expired session's socket closes within this (and on its next event). */
  SOCKET_SESSION_CHECK_SECONDS: z.coerce.number().positive().default(30),
  /** Unset: on when PUBLIC_URL is https (see loadConfig). */
  COOKIE_SECURE: boolish.optional(),
  /** Other pages that may call the API with an agent's cookie (a separate front-end origin); PUBLIC_URL's origin always may. */
  ALLOWED_ORIGINS: originList.default([]),
  /** Behind a reverse proxy: trust X-Forwarded-Proto / X-Forwarded-Host for the URL providers signed (else PUBLIC_URL). */
  TRUST_PROXY: boolish.default(false),
  /**
   * SIGTERM / SIGINT: every process stops taking new work and finishes what it has (HTTP requests and
   * sockets, SMTP sessions, running jobs) within this, then exits; past it, it exits anyway (code 1).
   */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** A webhook that could not be stored within this is answered 503 with Retry-After, so the provider retries. */
  WEBHOOK_DEADLINE_MS: z.coerce.number().int().min(100).default(4_000),
});

const storageSchema = z.object({
  DATABASE_URL: z.url().default('postgresql://postgres@127.0.0.1:5432/parley'),
  /** Connections per process; a worker process and an API process each open a pool of this size. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** A connection not made within this fails (the request answers 503) instead of waiting on a Postgres that is away. */
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(3_000),
  /** Longest statement Postgres runs for Parley; also how long Parley waits on a connection that went silent. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  QUEUE_PREFIX: z.string().min(1).default('parley'),
  /** A poller's lease (one Telegram getUpdates caller per bot) lapses this long after its process died. */
  LEASE_TTL_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  DATA_DIR: z.string().min(1).default('./data'),
  /** Largest provider-hosted file (SMS / WhatsApp media, call recordings) Parley downloads. */
  MEDIA_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
});

const emailSchema = z.object({
  SMTP_INBOUND_ENABLED: boolish.default(true),
  SMTP_INBOUND_HOST: z.string().default('0.0.0.0'),
  SMTP_INBOUND_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_INBOUND_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  IMAP_POLL_SECONDS: z.coerce.number().int().positive().default(60),
});

const workerSchema = z.object({
  SWEEP_INTERVAL_SECONDS: z.coerce.number().int().positive().default(30),
  SWEEP_STALE_SECONDS: z.coerce.number().int().positive().default(60),
  INGEST_CONCURRENCY: z.coerce.number().int().positive().default(128),
  DELIVER_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** A reply refused transiently (451, connection refused, timeout) is tried again after this, then after as long as it has been failing ... */
  DELIVER_RETRY_BASE_MS: z.coerce.number().int().min(10).default(30_000),
  /** ... but never more than this apart; the channel's retryForHours (default 5 days) ends the retries. */
  DELIVER_RETRY_MAX_MS: z.coerce.number().int().min(10).default(3_600_000),
  /** Route jobs held at once: about twice MAX_BATCH keeps one batch filling while one commits; more only waits longer (Little's law). */
  ROUTE_CONCURRENCY: z.coerce.number().int().positive().default(150),
  /** A `workers`-only process lowers its own CPU priority to this niceness (0-19; 0 leaves it), so the API it shares a host with answers first (process-priority.ts). */
  WORKERS_NICE: z.coerce.number().int().min(0).max(19).default(0),
  /** Development: poll every Telegram bot (getUpdates) from the worker process instead of waiting for webhooks. */
  TELEGRAM_POLLING: boolish.default(false),
  /** A process running workers answers GET /healthz on this port (on HOST); unset: no health port. */
  HEALTH_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** `workers` mode: how long to wait for the API process to migrate the database before giving up. */
  MIGRATION_WAIT_SECONDS: z.coerce.number().int().positive().default(300),
});

const providerSchema = z.object({
  /** The Telegram Bot API server every bot talks to (a self-hosted Bot API server, or a local fake in tests). An instance setting, never a workspace's. */
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).default('https://api.telegram.org'),
  /** Base URL of Twilio's REST API for every Twilio channel; unset: https://api.twilio.com. Only for a proxy or a local stand-in (tests). */
  TWILIO_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * Let workspaces' channels connect to loopback, private and link-local hosts (a self-hosted mail
   * server on the LAN). Unset: allowed, except with NODE_ENV=production (see loadConfig).
   */
  ALLOW_PRIVATE_HOSTS: boolish.optional(),
});

/** `60000,300000`: waits in ms between webhook attempts (the last repeats until WEBHOOK_MAX_ATTEMPTS). */
const msList = z
  .string()
  .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean).map(Number))
  .pipe(z.array(z.number().int().min(10)).min(1));

const outgoingWebhookSchema = z.object({
  /** Let webhook endpoints resolve to loopback, private and link-local addresses (a receiver on the LAN; tests). Off: refused when saved and on every POST. */
  WEBHOOK_ALLOW_PRIVATE: boolish.default(false),
  /** Waits between attempts after a failure: 1 min, 5 min, 30 min, 2 h, 6 h, 12 h, 24 h. */
  WEBHOOK_RETRY_DELAYS_MS: msList.default([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000]),
  /** Attempts per run (the first POST included); a replay starts a new run. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** Longest one POST may take, answer included; past it the attempt counts as a timeout and is retried. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** How often pending deliveries whose job was never queued (Redis away, an event recorded in a transaction) are queued. */
  WEBHOOK_SWEEP_SECONDS: z.coerce.number().int().positive().default(5),
});

const passwordSchema = z.object({
  /** scrypt's work factor as log2(N): 17 (N = 2^17, r = 8, p = 1) is OWASP's minimum; 128 MiB and ~0.2 s per hash. Lower only for tests. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(17),
  /** Hashes computed at once: scrypt runs on libuv's pool (4 threads), which file reads share. */
  PASSWORD_HASH_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
  /** Hashes waiting for a slot; beyond this a login is answered 503 with Retry-After. */
  PASSWORD_HASH_QUEUE: z.coerce.number().int().min(0).default(32),
});

const miscSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Who may read GET /metrics (the API's, and a worker process's on HEALTH_PORT): set, a bearer token; unset, only loopback. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Only `production` changes anything: the demo workspace is then off unless SEED_DEMO says otherwise. */
  NODE_ENV: z.string().optional(),
  /** Unset: on, except with NODE_ENV=production (see loadConfig). */
  SEED_DEMO: boolish.optional(),
  DEMO_PASSWORD: z.string().min(8).default('parley-demo'),
  /** Where the demo channel sends mail: a local catcher such as Mailpit (localhost:1025). */
  DEMO_SMTP_HOST: z.string().default('127.0.0.1'),
  DEMO_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
});

export const configSchema = serverSchema
  .extend(storageSchema.shape)
  .extend(redisSchema.shape)
  .extend(emailSchema.shape)
  .extend(workerSchema.shape)
  .extend(providerSchema.shape)
  .extend(outgoingWebhookSchema.shape)
  .extend(passwordSchema.shape)
  .extend(miscSchema.shape);

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL' | 'SEED_DEMO' | 'ALLOW_PRIVATE_HOSTS' | 'COOKIE_SECURE'> & {
  PUBLIC_URL: string;
  SEED_DEMO: boolean;
  ALLOW_PRIVATE_HOSTS: boolean;
  COOKIE_SECURE: boolean;
  /** The Redis every connection goes to (REDIS_URL, REDIS_SENTINELS or REDIS_CLUSTER_NODES). */
  REDIS_TARGET: RedisTarget;
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; a bad variable fails with a message naming it and why. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (parsed.success) {
    // PORT 0 (an ephemeral port) names no address: then PUBLIC_URL has no port either.
    const local = parsed.data.PORT === 0 ? 'http://localhost' : `http://localhost:${parsed.data.PORT}`;
    // A production install starts empty (its first admin comes from `parley create-admin` or the first-run screen).
    const SEED_DEMO = parsed.data.SEED_DEMO ?? parsed.data.NODE_ENV !== 'production';
    // Production refuses private hosts unless told; development reaches a local mail catcher (the demo's).
    const ALLOW_PRIVATE_HOSTS = parsed.data.ALLOW_PRIVATE_HOSTS ?? parsed.data.NODE_ENV !== 'production';
    const PUBLIC_URL = parsed.data.PUBLIC_URL ?? local;
    // Behind https the session cookie is never sent over plain http (unless COOKIE_SECURE says otherwise).
    const COOKIE_SECURE = parsed.data.COOKIE_SECURE ?? PUBLIC_URL.startsWith('https:');
    const REDIS_TARGET = targetOrFail(parsed.data);
    // On a Redis Cluster the queues' prefix is a hash tag ({parley}): BullMQ's scripts touch one slot.
    const QUEUE_PREFIX = queuePrefixFor(REDIS_TARGET, parsed.data.QUEUE_PREFIX);
    return { ...parsed.data, PUBLIC_URL, SEED_DEMO, ALLOW_PRIVATE_HOSTS, COOKIE_SECURE, REDIS_TARGET, QUEUE_PREFIX };
  }
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])])})`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

function targetOrFail(settings: Parameters<typeof redisTarget>[0]): RedisTarget {
  try {
    return redisTarget(settings);
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${(err as Error).message}`);
  }
}
