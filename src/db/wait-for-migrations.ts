// Worker processes never migrate (the API does, under its advisory lock); they wait here until
// every migration this code ships with is recorded as applied, so they never run on an old schema.
import pg from 'pg';
import { MigrationError, readMigrations } from './migrate.ts';

export interface WaitForMigrationsOptions {
  timeoutMs: number;
  intervalMs?: number;
  dir?: string;
  /** Told once, when the first look finds the database not ready yet. */
  onWaiting?: (pending: string) => void;
}

/** The first migration not yet applied, or null when the database is up to date. */
export async function pendingMigration(databaseUrl: string, dir?: string): Promise<string | null> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: table } = await client.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
    if (!table[0]?.t) return migrations[0]?.name ?? null;
    const { rows } = await client.query<AppliedMigration>(APPLIED_MIGRATIONS);
    return firstPending(migrations, rows);
  } finally {
    await client.end();
  }
}

export interface AppliedMigration {
  migration_name: string;
  checksum: string;
}

/** The migrations recorded as applied, as `prisma migrate deploy` records them. */
export const APPLIED_MIGRATIONS = 'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL';

/** The first shipped migration not among the applied ones; a changed one is another release's database. */
export function firstPending(shipped: readonly { name: string; checksum: string }[], applied: readonly AppliedMigration[]): string | null {
  const done = new Map(applied.map((r) => [r.migration_name, r.checksum]));
  for (const m of shipped) {
    const recorded = done.get(m.name);
    if (recorded === undefined) return m.name;
    if (recorded !== m.checksum) throw new MigrationError(`Migration ${m.name} in the database differs from this code's (checksum); this process belongs to another release`);
  }
  return null;
}

/** Polls until the database is migrated; an unreachable database counts as not ready yet. */
export async function waitForMigrations(databaseUrl: string, opts: WaitForMigrationsOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs;
  let told = false;
  for (;;) {
    let pending: string;
    try {
      const next = await pendingMigration(databaseUrl, opts.dir);
      if (next === null) return;
      pending = next;
    } catch (err) {
      if (err instanceof MigrationError) throw err;
      pending = `database not reachable: ${err instanceof Error ? err.message : String(err)}`;
    }
    if (Date.now() >= deadline) throw new MigrationError(`The database is still not migrated after ${Math.round(opts.timeoutMs / 1000)} s (${pending}); the API process applies migrations at start`);
    if (!told) opts.onWaiting?.(pending);
    told = true;
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 2_000));
  }
}
