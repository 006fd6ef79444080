// One database per test file, cloned from the migrated template (fast: a file copy in Postgres).
import { randomBytes } from 'node:crypto';
import { withAdmin } from './pg-admin.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { inject } from 'vitest';
import { dbUrl, testDbPrefix } from './env.ts';

export interface TestDb {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDb')}"`));
  const url = dbUrl(name);
  const db = createDb(url, { max: 5 });
  return {
    url,
    db,
    drop: async () => {
      await db.$disconnect();
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
