// `npm run migrate`: creates the database if needed and applies pending migrations.
import { loadConfig } from '../config.ts';
import { ensureDatabase, migrate } from '../db/migrate.ts';

try {
  const config = loadConfig(process.env);
  await ensureDatabase(config.DATABASE_URL);
  const result = await migrate(config.DATABASE_URL);
  console.log(result.applied.length ? `applied: ${result.applied.join(', ')}` : 'database is up to date');
} catch (err) {
  console.error(`parley: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
