// Builds a freshly migrated template database for this run (its own name, so parallel runs do not
// collide); each test file clones it. Databases left by runs that died hours ago are dropped.
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.ts';
import { dbUrl, templateDbPrefix, testDbPrefix } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

const STALE_SECONDS = 3 * 3600;

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const now = Math.floor(Date.now() / 1000);
  const template = `${templateDbPrefix}${now}_${process.pid}`;
  await withAdmin(async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2', [`${testDbPrefix}%`, `${templateDbPrefix}%`]);
    for (const { datname } of rows) {
      const born = Number(datname.replace(testDbPrefix, '').replace(templateDbPrefix, '').split('_')[0]);
      if (Number.isFinite(born) && now - born > STALE_SECONDS) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
    await c.query(`CREATE DATABASE "${template}"`);
  });
  await migrate(dbUrl(template));
  project.provide('templateDb', template);
  return async () => {
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
}
