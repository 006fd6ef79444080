// The Prisma client over node-postgres (adapter-pg): no native query engine is needed.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, type Prisma } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
/** A client inside `db.$transaction(async (tx) => ...)`; domain functions accept either. */
export type Tx = Prisma.TransactionClient;

export function createDb(databaseUrl: string, opts: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: opts.max ?? 10 });
  return new PrismaClient({ adapter });
}

export * from '../generated/prisma/client.ts';
