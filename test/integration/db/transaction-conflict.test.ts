// Two transactions that take the same rows in opposite orders: Postgres aborts one with a deadlock.
// Through Prisma or plain SQL, the API answers it as a 503 to retry (nothing was saved), not a 500.
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, isTransactionConflict } from '../../../src/db/unavailable.ts';
import { sqlTransaction } from '../../../src/db/sql.ts';
import { errorHandler } from '../../../src/http/error-handler.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';

const silent = { warn: () => undefined, error: () => undefined } as never;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a transaction Postgres aborts for a deadlock', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.$executeRawUnsafe('CREATE TABLE conflict_probe (id int PRIMARY KEY, v int NOT NULL)');
    await t.db.$executeRawUnsafe('INSERT INTO conflict_probe VALUES (1, 0), (2, 0)');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const bump = (id: number) => `UPDATE conflict_probe SET v = v + 1 WHERE id = ${id}`;
  const viaPrisma = (a: number, b: number) =>
    t.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(bump(a));
      await sleep(150);
      await tx.$executeRawUnsafe(bump(b));
    }, { timeout: 10_000 });
  const viaSql = (a: number, b: number) =>
    sqlTransaction(t.db, async (client) => {
      await client.query(bump(a));
      await sleep(150);
      await client.query(bump(b));
    });
  const loser = async (runs: Array<Promise<unknown>>) => {
    const settled = await Promise.allSettled(runs);
    const rejected = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(rejected).toHaveLength(1);
    return rejected[0]!.reason as unknown;
  };
  const answer = async (err: unknown) => {
    const app = new Hono();
    app.onError(errorHandler(silent));
    app.get('/', () => {
      throw err;
    });
    const res = await app.request('/');
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { error: { code: string; message: string } } };
  };

  it('is recognised through Prisma and answered 503 with Retry-After', async () => {
    const err = await loser([viaPrisma(1, 2), viaPrisma(2, 1)]);
    expect(isTransactionConflict(err)).toBe(true);
    expect(isDatabaseUnavailable(err)).toBe(false);
    const res = await answer(err);
    expect(res).toMatchObject({ status: 503, retryAfter: '1', body: { error: { code: 'unavailable' } } });
    expect(res.body.error.message).toContain('nothing was changed; try again');
  });

  it('is recognised through plain SQL the same way', async () => {
    const err = await loser([viaSql(1, 2), viaSql(2, 1)]);
    expect(isTransactionConflict(err)).toBe(true);
    expect((await answer(err)).status).toBe(503);
  });

  it('leaves other database errors alone', async () => {
    const err = await t.db.$executeRawUnsafe('INSERT INTO conflict_probe VALUES (1, 0)').then(() => null, (e: unknown) => e);
    expect(isTransactionConflict(err)).toBe(false);
    expect((await answer(err)).status).toBe(500);
  });
});
