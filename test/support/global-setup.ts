// Builds a freshly migrated template database for this run (its own name, so parallel runs do not
// collide); each test file clones it. Databases left by runs that died hours ago are dropped.
import { withAdmin } from './pg-admin.ts';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/migrate.ts';
import { dbUrl, templateDbPrefix, testDbPrefix } from './env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

const STALE_SECONDS = 3 * 3600;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const now = Math.floor(Date.now() / 1000);
  // Each vitest project (integration, e2e) runs this setup in the same process: one template each.
  const template = `${templateDbPrefix}${now}_${process.pid}_${project.name.replace(/\W/g, '')}`;
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
