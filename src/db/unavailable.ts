// Whether an error means Postgres could not be reached or did not answer in time (as opposed to a
// bad query or a constraint), or refused a transaction because another one held what it needed in
// the opposite order (a deadlock, a serialization failure): then a request is answered 503 with
// Retry-After, so a provider or a client retries later, and nothing is reported as the caller's fault.
import pg from 'pg';
import { Prisma } from './client.ts';

// https://www.prisma.io/docs/orm/reference/error-reference
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// SQLSTATE classes 08 (connection exception) and 57 (operator intervention: shutdown, statement timeout), 53300 too many connections.
const sqlState = /^(08|57)|^53300$/;
const driverMessages = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Query read timeout|ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ETIMEDOUT|terminating connection/i;

function driverCode(err: unknown): string | null {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } } }).meta;
  const cause = meta?.driverAdapterError?.cause;
  const code = cause?.originalCode ?? cause?.code;
  return typeof code === 'string' ? code : null;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    if (prismaCodes.has(err.code)) return true;
    const code = driverCode(err);
    return code !== null && sqlState.test(code);
  }
  if (!(err instanceof Error)) return false;
  // Plain SQL (src/db/sql.ts) reports node-postgres's own errors, with the SQLSTATE as `code`.
  const pgCode = (err as { code?: unknown }).code;
  if (err instanceof pg.DatabaseError && typeof pgCode === 'string' && sqlState.test(pgCode)) return true;
  return driverMessages.test(err.message) || (err.cause instanceof Error && driverMessages.test(err.cause.message));
}

// 40P01 deadlock detected, 40001 serialization failure: the transaction was rolled back whole, so trying it again is safe.
const conflictStates = new Set(['40P01', '40001']);

/** Postgres rolled the transaction back because another held what it needed (nothing of it was saved). */
export function isTransactionConflict(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const code = driverCode(err);
    return err.code === 'P2034' || (code !== null && conflictStates.has(code));
  }
  const pgCode = (err as { code?: unknown } | null)?.code;
  return err instanceof pg.DatabaseError && typeof pgCode === 'string' && conflictStates.has(pgCode);
}
