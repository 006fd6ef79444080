// The health check's question to Postgres: does a trivial query come back? Throws when it does not.
import type { Db } from './client.ts';

export async function checkDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}
