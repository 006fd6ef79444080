// A fresh, migrated database per benchmark run (outside vitest, so not cloned from the suite's
// template): named like the test databases, so a run that dies is cleaned up by the next test run's
// stale-database sweep (test/support/global-setup.ts), and dropped at the end of its run.
import { randomBytes } from 'node:crypto';
import { migrate } from '../../../src/db/migrate.ts';
import { withAdmin } from '../../support/pg-admin.ts';
import { dbUrl, testDbPrefix } from '../../support/env.ts';

export interface BenchDb {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDb(): Promise<BenchDb> {
  const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_bench_${randomBytes(4).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = dbUrl(name);
  await migrate(url);
  return { name, url, drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined) };
}
