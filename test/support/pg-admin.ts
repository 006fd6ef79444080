// Runs statements on the maintenance database (`postgres`): creating and dropping test databases.
import pg from 'pg';
import { dbUrl } from './env.ts';

export async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}
