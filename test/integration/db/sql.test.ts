// The plain-SQL helpers share Prisma's pool: a transaction commits as a whole or not at all, and a
// client not made by createDb is refused rather than silently given another pool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../../src/db/client.ts';
import { sqlRows, sqlTransaction } from '../../../src/db/sql.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await sqlRows(t.db, { text: 'CREATE TABLE sql_probe (n int PRIMARY KEY)' });
});
afterAll(() => t.drop());

const count = async () => (await sqlRows<{ n: number }>(t.db, { name: 'probe-count', text: 'SELECT count(*)::int AS n FROM sql_probe' }))[0]!.n;

describe('plain SQL over the shared pool', () => {
  it('reads rows through a named (prepared) statement with bound values', async () => {
    const rows = await sqlRows<{ sum: number }>(t.db, { name: 'probe-sum', text: 'SELECT $1::int + $2::int AS sum' }, [2, 3]);
    expect(rows).toEqual([{ sum: 5 }]);
  });

  it('commits a transaction that returns, and Prisma sees it on the same pool', async () => {
    await sqlTransaction(t.db, async (c) => {
      await c.query('INSERT INTO sql_probe (n) VALUES (1), (2)');
    });
    expect(await count()).toBe(2);
    const viaPrisma = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM sql_probe`;
    expect(viaPrisma[0]!.n).toBe(2);
  });

  it('rolls back every statement of a transaction that throws', async () => {
    await expect(
      sqlTransaction(t.db, async (c) => {
        await c.query('INSERT INTO sql_probe (n) VALUES (3)');
        await c.query('INSERT INTO sql_probe (n) VALUES (1)'); // duplicate key
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(await count()).toBe(2);
  });

  it('refuses a Prisma client it did not make', async () => {
    const foreign = Object.create(PrismaClient.prototype) as PrismaClient;
    await expect(sqlRows(foreign, { text: 'SELECT 1' })).rejects.toThrow(/not made by createDb/);
  });
});
