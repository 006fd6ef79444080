// Worker processes wait for the API to migrate: the database must be at this code's migrations
// before they start, an unreachable or empty database keeps them waiting, and they give up in time.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDatabase, migrate, MigrationError, readMigrations } from '../../../src/db/migrate.ts';
import { pendingMigration, waitForMigrations } from '../../../src/db/wait-for-migrations.ts';
import { dbUrl, testDbPrefix } from '../../support/env.ts';
import { withAdmin } from '../../support/pg-admin.ts';

const created: string[] = [];
const freshName = () => {
  const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_wait_${randomBytes(4).toString('hex')}`;
  created.push(name);
  return name;
};

describe('waitForMigrations', () => {
  afterAll(async () => {
    await withAdmin(async (c) => {
      for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  });

  it('names the first migration an empty database lacks, and none once migrated', async () => {
    const url = dbUrl(freshName());
    await ensureDatabase(url);
    const [first] = await readMigrations();
    expect(await pendingMigration(url)).toBe(first?.name);
    await migrate(url);
    expect(await pendingMigration(url)).toBeNull();
  });

  it('keeps waiting while the database does not exist, and returns once the API has migrated it', async () => {
    const url = dbUrl(freshName());
    const waiting: string[] = [];
    const done = waitForMigrations(url, { timeoutMs: 60_000, intervalMs: 100, onWaiting: (p) => waiting.push(p) });
    await new Promise((r) => setTimeout(r, 300));
    await ensureDatabase(url);
    await migrate(url);
    await expect(done).resolves.toBeUndefined();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatch(/database not reachable/);
  });

  it('gives up with a MigrationError when nobody migrates in time', async () => {
    const url = dbUrl(freshName());
    await ensureDatabase(url);
    const err = await waitForMigrations(url, { timeoutMs: 300, intervalMs: 50 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as Error).message).toMatch(/still not migrated after .* the API process applies migrations/);
  });
});
