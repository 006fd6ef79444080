// `npm run bench:explain [-- --quick]`: seeds one inbox at 10x (100k conversations / 1M messages;
// --quick a tenth) on a fresh database and prints EXPLAIN (ANALYZE, BUFFERS) of the statements
// behind the common-word search and the supervisor board (the SQL the domain functions run, with
// the same filters), for docs/performance.md. Drops the database at the end.
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { createWorkspace } from '../../src/seed/create-workspace.ts';
import { testPasswords } from '../support/passwords.ts';
import { createBenchDb } from './support/bench-db.ts';
import { COMMON_WORD, seedInbox } from './support/seed-inbox.ts';

const statements: { name: string; sql: string; params: (ids: { ws: string; since: Date }) => unknown[] }[] = [
  {
    name: 'search: newest 2,000 messages matching a common word (search-conversations.ts messageHits)',
    sql: `SELECT DISTINCT ON (m."conversationId") m."conversationId", m.id FROM (
            SELECT "conversationId", id, "createdAt" FROM "Message"
            WHERE "workspaceId" = $1 AND kind <> 'event' AND "searchVector" @@ to_tsquery('simple', $2)
            ORDER BY "createdAt" DESC LIMIT 2000) m
          ORDER BY m."conversationId", m."createdAt" DESC`,
    params: ({ ws }) => [ws, `${COMMON_WORD}:*`],
  },
  {
    name: 'board: waiting conversations per queue (board.ts)',
    sql: `SELECT "queueId", priority, "queuedAt" FROM "Conversation" WHERE "workspaceId" = $1 AND status = 'open' AND "assigneeId" IS NULL AND "queueId" IS NOT NULL`,
    params: ({ ws }) => [ws],
  },
  {
    name: "board: today's created conversations (today-stats.ts)",
    sql: `SELECT c."createdAt", c."firstResponseAt", ch.kind FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId" WHERE c."workspaceId" = $1 AND c."createdAt" >= $2`,
    params: ({ ws, since }) => [ws, since],
  },
  {
    name: "board: today's resolved conversations (today-stats.ts)",
    sql: `SELECT "createdAt", "resolvedAt" FROM "Conversation" WHERE "workspaceId" = $1 AND "resolvedAt" >= $2`,
    params: ({ ws, since }) => [ws, since],
  },
  {
    name: 'board: open conversations per assignee (board.ts groupBy)',
    sql: `SELECT "assigneeId", count(*) FROM "Conversation" WHERE "workspaceId" = $1 AND status = 'open' AND "assigneeId" IS NOT NULL GROUP BY "assigneeId"`,
    params: ({ ws }) => [ws],
  },
];

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const conversations = quick ? 10_000 : 100_000;
  const benchDb = await createBenchDb();
  const db = createDb(benchDb.url, { max: 2 });
  const client = new pg.Client({ connectionString: benchDb.url });
  try {
    const ws = await createWorkspace({ db, passwords: testPasswords }, {
      name: 'Explain', slug: 'explain', teams: ['Support'],
      agents: [{ email: 'ada@explain.test', name: 'Ada', role: 'agent', password: 'explain-password', teams: ['Support'] }, { email: 'sue@explain.test', name: 'Sue', role: 'supervisor', password: 'explain-password' }],
      channels: [{ kind: 'sms', name: 'SMS', address: '+14155550100', settings: {} }],
    });
    const queueId = (await db.queue.findFirstOrThrow({ where: { workspaceId: ws.workspace.id } })).id;
    const t0 = Date.now();
    await seedInbox(benchDb.url, {
      workspaceId: ws.workspace.id, channelId: ws.channels[0]!.id, teamId: ws.teams.get('Support')!, agentId: ws.agents[0]!.id, supervisorId: ws.agents[1]!.id,
      queueId, from: 0, to: conversations, messagesPerConversation: 10, conversationsPerContact: 20,
    });
    process.stdout.write(`seeded ${conversations} conversations / ${conversations * 10} messages in ${Math.round((Date.now() - t0) / 1000)} s\n`);
    await client.connect();
    const since = new Date(new Date().setUTCHours(0, 0, 0, 0));
    for (const s of statements) {
      const params = s.params({ ws: ws.workspace.id, since });
      await client.query(s.sql, params); // once to warm the cache, as a busy server's would be
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, params);
      process.stdout.write(`\n== ${s.name}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
    }
  } finally {
    await client.end().catch(() => undefined);
    await db.$disconnect();
    await benchDb.drop();
  }
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
