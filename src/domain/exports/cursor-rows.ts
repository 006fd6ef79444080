// Rows of one SQL query read through a server-side cursor (DECLARE ... FETCH) on the app's own pg
// pool, a batch at a time, inside a read-only REPEATABLE READ transaction: the export is one
// consistent snapshot however long the download takes, and Node holds one batch, never the result.
// The connection stays checked out until the rows are read or the reader stops (return()).
import type pg from 'pg';
import { poolOf, type Db } from '../../db/client.ts';

const CURSOR = 'parley_export';

export interface CursorQuery {
  text: string;
  values: unknown[];
}

/**
 * Opens the cursor now (so a bad query or an unreachable database fails before any byte is sent)
 * and gives back its rows; ending the iteration early closes the cursor and frees the connection.
 */
export async function openCursorRows<Row extends pg.QueryResultRow>(db: Db, query: CursorQuery, opts: { batchSize?: number } = {}): Promise<AsyncGenerator<Row>> {
  const client = await poolOf(db).connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query({ text: `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${query.text}`, values: query.values });
  } catch (err) {
    await finish(client, 'ROLLBACK');
    throw err;
  }
  return readCursor<Row>(client, opts.batchSize ?? 1000);
}

async function* readCursor<Row extends pg.QueryResultRow>(client: pg.PoolClient, batchSize: number): AsyncGenerator<Row> {
  let ending: 'COMMIT' | 'ROLLBACK' = 'ROLLBACK';
  try {
    for (;;) {
      const { rows } = await client.query<Row>(`FETCH ${batchSize} FROM ${CURSOR}`);
      yield* rows;
      if (rows.length < batchSize) break;
    }
    ending = 'COMMIT';
  } finally {
    await finish(client, ending);
  }
}

/** Ends the transaction and returns the connection; one whose ending failed is destroyed, not reused. */
async function finish(client: pg.PoolClient, ending: 'COMMIT' | 'ROLLBACK'): Promise<void> {
  const broken = await client.query(ending).then(() => undefined, (e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  client.release(broken);
}
