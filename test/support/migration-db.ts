// A scratch database for testing one migration on data written before it: migrated up to (not
// including) the migration, filled by the test in plain SQL, then migrated the rest of the way.
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { defaultMigrationsDir, ensureDatabase, migrate, readMigrations } from '../../src/db/migrate.ts';
import { dbUrl, testDbPrefix } from './env.ts';

export interface MigrationDb {
  url: string;
  /** One statement on a connection of its own. */
  sql<T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]>;
  /** Creates the database with every migration before `migration` applied. */
  migrateBefore(): Promise<void>;
  /** Applies the rest: `migration` and whatever follows it. */
  migrateRest(): Promise<void>;
  drop(): Promise<void>;
}

export function migrationDb(migration: string, tag: string): MigrationDb {
  const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_${tag}_${randomBytes(4).toString('hex')}`;
  const url = dbUrl(name);
  const onConnection = async <T>(connectionString: string, work: (c: pg.Client) => Promise<T>): Promise<T> => {
    const c = new pg.Client({ connectionString });
    await c.connect();
    try {
      return await work(c);
    } finally {
      await c.end();
    }
  };
  return {
    url,
    sql: (text, values = []) => onConnection(url, async (c) => (await c.query(text, values)).rows),
    async migrateBefore() {
      await ensureDatabase(url);
      const before = await mkdtemp(path.join(tmpdir(), 'parley-mig-'));
      try {
        for (const m of await readMigrations()) if (m.name < migration) await cp(path.join(defaultMigrationsDir, m.name), path.join(before, m.name), { recursive: true });
        await migrate(url, before);
      } finally {
        await rm(before, { recursive: true, force: true });
      }
    },
    migrateRest: async () => void (await migrate(url)),
    drop: () => onConnection(dbUrl('postgres'), async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`))),
  };
}
