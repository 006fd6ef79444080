// The Prisma client over node-postgres (adapter-pg): no native query engine is needed. The pg pool
// under it is shared with the few hot paths that speak SQL directly (src/db/sql.ts), so a process
// has one pool, sized once.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** A client inside `db.$transaction(async (tx) => ...)`; domain functions accept either. */
export type Tx = Prisma.TransactionClient;

export interface DbOptions {
  max?: number;
  /** Give up making a connection after this (a Postgres that is away fails fast instead of hanging). */
  connectTimeoutMs?: number;
  /** Postgres cancels a statement running longer; Parley stops waiting on a silent connection a little after. */
  statementTimeoutMs?: number;
}

const pools = new WeakMap<Db, pg.Pool>();

export function createDb(databaseUrl: string, opts: DbOptions = {}): Db {
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3_000,
    statement_timeout: statementTimeout,
    // A connection whose peer vanished without a word (a dropped NAT entry, a killed host) never answers.
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
  });
  // An idle connection that breaks (Postgres restarted) is dropped from the pool, not a crash.
  pool.on('error', () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The node-postgres pool under a client made by createDb (for src/db/sql.ts). */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('this Prisma client was not made by createDb: it has no pool of ours');
  return pool;
}

export * from '../generated/prisma/client.ts';
