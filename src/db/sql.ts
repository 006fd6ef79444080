// Plain SQL for the few hot paths (ingest, routing, inbox lists, the board, search), over the same
// pg pool as Prisma (createDb). Prisma stays everywhere else. Statements are named so each
// connection prepares them once; parameters are always bound, never spliced into the text.
import type pg from 'pg';
import { poolOf, type Db } from './client.ts';

export type SqlClient = pg.PoolClient | pg.Pool;

export interface Statement {
  /** Names a prepared statement: the same name must always carry the same text. */
  name?: string;
  text: string;
}

/** Runs one statement and gives back its rows. */
export async function sqlRows<T extends pg.QueryResultRow>(on: Db | SqlClient, stmt: Statement, values: unknown[] = []): Promise<T[]> {
  const client = isClient(on) ? on : poolOf(on);
  const res = await client.query<T>({ name: stmt.name, text: stmt.text, values });
  return res.rows;
}

/** Runs `work` in one transaction on one connection: committed if it returns, rolled back if it throws. */
export async function sqlTransaction<T>(db: Db, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await poolOf(db).connect();
  let broken: unknown;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    broken = await client.query('ROLLBACK').then(() => undefined, (e: unknown) => e);
    throw err;
  } finally {
    // A connection whose rollback failed is in an unknown state: destroyed, not reused.
    client.release(broken instanceof Error ? broken : undefined);
  }
}

function isClient(on: Db | SqlClient): on is SqlClient {
  return typeof (on as SqlClient).query === 'function' && !('$transaction' in on);
}
