// Where the test suites find Postgres and Redis; CI and developers may point them elsewhere.
export const testPgBase = process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432';
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Database names carry their creation time (epoch seconds) so stale ones can be recognised. */
export const testDbPrefix = 'parley_t_';
export const templateDbPrefix = 'parley_tpl_';

export function dbUrl(name: string): string {
  return `${testPgBase}/${name}`;
}
