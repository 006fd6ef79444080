// What logging in costs at OWASP's scrypt parameters (N = 2^17), as ratios within one run:
// - an unknown email takes as long as a known one with a wrong password (no account enumeration
//   by timing; compare the two means);
// - reading an attachment from disk (libuv's thread pool, as the download route does) while 60
//   logins hash at once: with hashing bounded to PASSWORD_HASH_CONCURRENCY (2) the read finds a
//   free thread; unbounded (as before), it waits behind every queued hash. The read latencies are
//   printed at the end (median of the iterations). Needs the local Postgres.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, bench, describe } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { ensureDatabase, migrate } from '../../src/db/migrate.ts';
import { login } from '../../src/domain/auth/login.ts';
import { createPasswordHasher, scryptKdf, type Kdf } from '../../src/domain/auth/password.ts';
import { createWorkspace } from '../../src/seed/create-workspace.ts';
import { createFsAttachmentStore } from '../../src/storage/attachment-store.ts';
import { dbUrl, testDbPrefix } from '../support/env.ts';

const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_bench_${randomBytes(4).toString('hex')}`;
const url = dbUrl(name);
await ensureDatabase(url);
await migrate(url);
const db = createDb(url, { max: 4 });
const OWASP = 17;
let hashed = 0;
const counted: Kdf = (...args) => scryptKdf(...args).finally(() => hashed++);
const bounded = createPasswordHasher({ cost: OWASP, concurrency: 2, maxQueued: 1_000, kdf: counted });
const unbounded = createPasswordHasher({ cost: OWASP, concurrency: 1_000, maxQueued: 1_000, kdf: counted });
const { agents } = await createWorkspace({ db, passwords: bounded }, { name: 'Bench', slug: 'bench', agents: [{ email: 'known@bench.test', name: 'Known', role: 'agent', password: 'the right one' }], channels: [] });

const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-'));
const store = createFsAttachmentStore(dataDir);
const file = await store.put(randomBytes(256 * 1024));

const attempt = (passwords: typeof bounded, email: string) =>
  login({ db, passwords }, { email, password: 'a wrong guess', now: new Date(), ttlHours: 1, client: { ip: null, userAgent: null } }).catch(() => 'refused');

const reads: Record<string, number[]> = { idle: [], 'bounded (2 at once)': [], unbounded: [] };
async function timedRead(label: string) {
  const t0 = performance.now();
  await store.get(file.key);
  reads[label]!.push(performance.now() - t0);
}
async function readDuringLogins(label: string, passwords: typeof bounded) {
  const start = hashed;
  const logins = Array.from({ length: 60 }, (_, i) => attempt(passwords, i % 2 ? agents[0]!.email : `nobody-${i}@bench.test`));
  // Once every login has reached the hasher (its database lookup done), as on a busy node.
  const reached = () => passwords.slots.stats().running + passwords.slots.stats().queued + (hashed - start);
  while (reached() < logins.length) await new Promise((r) => setTimeout(r, 1));
  await timedRead(label);
  await Promise.all(logins);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

afterAll(async () => {
  if (refused.known.length) console.log(`\nrefused login, alternating (median): known ${median(refused.known).toFixed(0)} ms, unknown ${median(refused.unknown).toFixed(0)} ms, ratio unknown/known ${(median(refused.unknown) / median(refused.known)).toFixed(2)} (n=${refused.known.length})`);
  console.log('\nattachment read latency (median ms):');
  for (const [label, xs] of Object.entries(reads)) if (xs.length) console.log(`  ${label.padEnd(22)} ${median(xs).toFixed(1)} ms  (n=${xs.length})`);
  await db.$disconnect();
  await rm(dataDir, { recursive: true, force: true });
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

const few = { time: 0, iterations: 6, warmupIterations: 0, warmupTime: 0 };

// Alternating the two, so a machine whose load drifts during the run weighs on both alike.
const refused: Record<'known' | 'unknown', number[]> = { known: [], unknown: [] };
async function timedAttempt(which: 'known' | 'unknown') {
  const t0 = performance.now();
  await attempt(bounded, which === 'known' ? agents[0]!.email : `nobody-${refused.unknown.length}@bench.test`);
  refused[which].push(performance.now() - t0);
}

describe('a refused login at N = 2^17', () => {
  bench('alternating known and unknown emails (medians printed at the end)', async () => {
    await timedAttempt('known');
    await timedAttempt('unknown');
  }, few);
  bench('known email, wrong password', async () => void (await attempt(bounded, agents[0]!.email)), few);
  bench('unknown email', async () => void (await attempt(bounded, 'nobody@bench.test')), few);
});

describe('an attachment read while 60 logins hash', () => {
  const once = { time: 0, iterations: 2, warmupIterations: 0, warmupTime: 0 };
  bench('idle', () => timedRead('idle'), { ...few, iterations: 20 });
  bench('hashing bounded to 2 at once', () => readDuringLogins('bounded (2 at once)', bounded), once);
  bench('hashing unbounded (as before)', () => readDuringLogins('unbounded', unbounded), once);
});
