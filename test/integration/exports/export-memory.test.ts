// 100,000 conversations (one message each) exported over HTTP in bounded memory: they are seeded with
// SQL inserts (generate_series), the CSV is read incrementally while process.memoryUsage() is sampled, and the
// growth must stay far below what holding the export would take (the file is larger than the bound).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../../src/db/client.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const CONVERSATIONS = 100_000;
const BOUND_MB = 100;
const MB = 1024 * 1024;
// ~1.6 KB per line: the whole file (~160 MB) is more than the bound, so a server that built it in memory fails.
const SUBJECT = 'Order, "quoted" and long: '.padEnd(1_500, 'x');

// A full collection before each sample, so what is measured is memory still held, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

interface Measure {
  bytes: number;
  lines: number;
  rssGrowthMb: number;
  heapGrowthMb: number;
  seconds: number;
}

async function measureDownload(url: string, token: string, countLines: (chunk: string) => number): Promise<Measure> {
  collect();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let bytes = 0;
  let lines = 0;
  let reads = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    bytes += Buffer.byteLength(value);
    lines += countLines(value);
    if (++reads % 200 === 0) {
      collect();
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }
  }
  return { bytes, lines, rssGrowthMb: (peakRss - base.rss) / MB, heapGrowthMb: (peakHeap - base.heapUsed) / MB, seconds: (performance.now() - started) / 1000 };
}

// Lines are counted by LF (CSV lines end in CRLF, which a chunk boundary may split; no seeded value holds a newline).
const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('exporting 100,000 conversations', () => {
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    const workspaceId = h.workspace.workspace.id;
    const channelId = h.workspace.channels[0]!.id;
    await h.testDb.db.$executeRawUnsafe(
      `INSERT INTO "Contact" (id, "workspaceId", name, email, "updatedAt")
       SELECT 'mem-k' || g, $1, 'Customer ' || g, 'customer' || g || '@example.com', now() FROM generate_series(1, 1000) g`,
      workspaceId,
    );
    await h.testDb.db.$executeRawUnsafe(
      `INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", subject, tags, "createdAt", "lastMessageAt", "updatedAt")
       SELECT 'mem-c' || g, $1, g, $2, 'mem-k' || (1 + g % 1000), $3 || g, ARRAY['bulk'], now() - make_interval(secs => g), now(), now()
         FROM generate_series(1, $4::int) g`,
      workspaceId,
      channelId,
      SUBJECT,
      CONVERSATIONS,
    );
    await h.testDb.db.$executeRawUnsafe(
      `INSERT INTO "Message" (id, "workspaceId", "conversationId", "channelId", direction, "authorContactId", text, "createdAt", "updatedAt")
       SELECT 'mem-m' || g, $1, 'mem-c' || g, $2, 'in', 'mem-k' || (1 + g % 1000), 'Hello, "team"' || g, now(), now() FROM generate_series(1, $3::int) g`,
      workspaceId,
      channelId,
      CONVERSATIONS,
    );
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('streams the CSV with every conversation while memory stays bounded', async () => {
    const m = await measureDownload(`${h.apiUrl}/api/exports/conversations.csv`, admin, (chunk) => count(chunk, '\n'));
    console.log(`conversations.csv: ${CONVERSATIONS} rows, ${(m.bytes / MB).toFixed(1)} MB in ${m.seconds.toFixed(1)} s; peak growth rss ${m.rssGrowthMb.toFixed(1)} MB, heap ${m.heapGrowthMb.toFixed(1)} MB`);
    expect(m.lines - 1).toBe(CONVERSATIONS);
    expect(m.bytes).toBeGreaterThan(BOUND_MB * MB);
    expect(m.rssGrowthMb).toBeLessThan(BOUND_MB);
    expect(m.heapGrowthMb).toBeLessThan(BOUND_MB);
  }, 300_000);

  it('streams the NDJSON with every conversation while memory stays bounded', async () => {
    const m = await measureDownload(`${h.apiUrl}/api/exports/conversations.json?format=ndjson`, admin, (chunk) => count(chunk, '\n'));
    console.log(`conversations.ndjson: ${CONVERSATIONS} rows, ${(m.bytes / MB).toFixed(1)} MB in ${m.seconds.toFixed(1)} s; peak growth rss ${m.rssGrowthMb.toFixed(1)} MB, heap ${m.heapGrowthMb.toFixed(1)} MB`);
    expect(m.lines).toBe(CONVERSATIONS);
    expect(m.rssGrowthMb).toBeLessThan(BOUND_MB);
    expect(m.heapGrowthMb).toBeLessThan(BOUND_MB);
  }, 300_000);

  it('streams the conversations with their messages nested in JSON while memory stays bounded', async () => {
    const m = await measureDownload(`${h.apiUrl}/api/exports/conversations.json?include=messages&format=ndjson`, admin, (chunk) => count(chunk, '\n'));
    console.log(`conversations+messages.ndjson: ${CONVERSATIONS} conversations, ${CONVERSATIONS} messages, ${(m.bytes / MB).toFixed(1)} MB in ${m.seconds.toFixed(1)} s; peak growth rss ${m.rssGrowthMb.toFixed(1)} MB, heap ${m.heapGrowthMb.toFixed(1)} MB`);
    expect(m.lines).toBe(CONVERSATIONS);
    expect(m.rssGrowthMb).toBeLessThan(BOUND_MB);
    expect(m.heapGrowthMb).toBeLessThan(BOUND_MB);
  }, 300_000);

  it('closes the cursor and gives its connection back when the client goes away mid-download', async () => {
    const pool = poolOf(h.rt.deps.db);
    const res = await fetch(`${h.apiUrl}/api/exports/conversations.csv?include=messages`, { headers: { authorization: `Bearer ${admin}` } });
    const reader = res.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const holding = async () =>
      (await h.testDb.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%parley_export%' AND state <> 'idle'`))[0]!.n;
    expect(await holding()).toBe(1);
    await reader.cancel();
    await waitUntil(async () => (await holding()) === 0 && pool.idleCount === pool.totalCount, 'the export transaction ended and its connection idle in the pool');
    const again = await fetch(`${h.apiUrl}/api/exports/contacts.csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect((await again.text()).split('\r\n').length).toBe(1_000 + 2);
  }, 60_000);
});
