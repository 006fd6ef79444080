// How conversation search scales with the size of a workspace, as ratios within one run: the same
// queries over 2,000 and 20,000 messages (a word in 1 in 500 messages, and one in every other
// message). The GIN index keeps a rare word nearly flat; a common word is bounded by the cap on
// matching messages considered. Needs the local Postgres (a throwaway database is made and dropped).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, bench, describe } from 'vitest';
import { createDb } from '../../src/db/client.ts';
import { ensureDatabase, migrate } from '../../src/db/migrate.ts';
import { searchConversations } from '../../src/domain/conversations/search-conversations.ts';
import type { Viewer } from '../../src/domain/auth/viewer.ts';
import { dbUrl, testDbPrefix } from '../support/env.ts';

const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_bench_${randomBytes(4).toString('hex')}`;
const url = dbUrl(name);
await ensureDatabase(url);
await migrate(url);
const db = createDb(url, { max: 4 });

const WORDS = ['order', 'parcel', 'invoice', 'refund', 'delivery', 'address', 'account', 'password', 'kettle', 'tracking', 'damaged', 'payment'];

/** A workspace with `messages` messages, ten per conversation. */
async function workspace(slug: string, messages: number): Promise<Viewer> {
  const ws = await db.workspace.create({ data: { name: slug, slug } });
  const channel = await db.channel.create({ data: { workspaceId: ws.id, kind: 'email', name: 'Help', address: `help@${slug}.test` } });
  const agent = await db.agent.create({ data: { workspaceId: ws.id, email: `sup@${slug}.test`, name: 'Sup', role: 'supervisor', passwordHash: 'x' } });
  const conversations = messages / 10;
  for (let c = 0; c < conversations; c++) {
    const contact = await db.contact.create({ data: { workspaceId: ws.id, name: `Customer ${c}`, email: `c${c}@example.com` } });
    const conv = await db.conversation.create({ data: { workspaceId: ws.id, number: c + 1, channelId: channel.id, contactId: contact.id, subject: `Case ${c}` } });
    await db.message.createMany({
      data: Array.from({ length: 10 }, (_, i) => {
        const n = c * 10 + i;
        const words = Array.from({ length: 30 }, (_, w) => WORDS[(n * 7 + w * 3) % WORDS.length]).join(' ');
        // "common" in every other message, "zephyr" in 1 of 500.
        const text = `${words} ${n % 2 === 0 ? 'common' : ''} ${n % 500 === 0 ? 'zephyr' : ''}`;
        return { workspaceId: ws.id, conversationId: conv.id, channelId: channel.id, direction: 'in' as const, text };
      }),
    });
  }
  return { agentId: agent.id, workspaceId: ws.id, role: 'supervisor', teamIds: [] };
}

const small = await workspace('small', 2_000);
const large = await workspace('large', 20_000);
// As autovacuum would: merge the GIN indexes' pending lists and gather statistics.
await db.$executeRawUnsafe('VACUUM ANALYZE');

afterAll(async () => {
  await db.$disconnect();
  const admin = new pg.Client({ connectionString: dbUrl('postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('search a rare word', () => {
  bench('2,000 messages', async () => {
    await searchConversations(db, small, { q: 'zephyr', limit: 25 });
  });
  bench('20,000 messages', async () => {
    await searchConversations(db, large, { q: 'zephyr', limit: 25 });
  });
});

describe('search a word in every other message', () => {
  bench('2,000 messages', async () => {
    await searchConversations(db, small, { q: 'common', limit: 25 });
  });
  bench('20,000 messages', async () => {
    await searchConversations(db, large, { q: 'common', limit: 25 });
  });
});
