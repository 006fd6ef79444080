// The Prisma client over node-postgres (adapter-pg): no native query engine is needed.
import { PrismaPg } from '@prisma/adapter-pg';
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

export function createDb(databaseUrl: string, opts: DbOptions = {}): Db {
  const statementTimeout = opts.statementTimeoutMs ?? 30_000;
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 3_000,
    statement_timeout: statementTimeout,
    // A connection whose peer vanished without a word (a dropped NAT entry, a killed host) never answers.
    query_timeout: statementTimeout + 5_000,
    keepAlive: true,
  });
  return new PrismaClient({ adapter });
}

export * from '../generated/prisma/client.ts';
