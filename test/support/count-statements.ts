// The SQL statements (round trips to Postgres, BEGIN and COMMIT included) a piece of work sends,
// counted by wrapping pg.Client's query inside an AsyncLocalStorage scope, so the statements of
// the harness's own workers running meanwhile are not counted.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

const counting = new AsyncLocalStorage<string[]>();

export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    counting.getStore()?.push(typeof first === 'string' ? first : (first.text ?? ''));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    return { result: await counting.run(statements, work), statements };
  } finally {
    pg.Client.prototype.query = original;
  }
}

/** Runs `work` outside the counting scope (for a test's own statements inside countStatements). */
export const uncounted = <T>(work: () => Promise<T>): Promise<T> => counting.exit(work);

/** The statements by kind (their first 90 characters), most frequent first: for a test's SHOW_STATEMENTS output. */
export function statementHistogram(statements: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const s of statements) {
    const kind = s.replace(/\s+/g, ' ').trim().slice(0, 90);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n}\t${kind}`).join('\n');
}
