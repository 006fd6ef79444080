// Runs report statements one after another on one connection, in one read-only transaction
// with the planner settings analytics want: no JIT (its compile time, ~1 s, exceeds these
// statements' run time) and room to sort in memory. A report takes two such lanes at most, so a few
// supervisors opening reports never starve the pool the inbox needs.
import type pg from 'pg';
import type { Db } from '../../db/client.ts';
import { sqlRows, sqlTransaction, type Statement } from '../../db/sql.ts';

export type ReportSql = <T extends pg.QueryResultRow>(stmt: Statement, values: unknown[]) => Promise<T[]>;

export async function withReportSql<T>(db: Db, work: (sql: ReportSql) => Promise<T>): Promise<T> {
  return sqlTransaction(db, async (client) => {
    await client.query("SET TRANSACTION READ ONLY; SET LOCAL jit = off; SET LOCAL work_mem = '32MB'");
    return work((stmt, values) => sqlRows(client, stmt, values));
  });
}
