// `npm run bench:explain [-- --quick]`: seeds one inbox at 10x (100k conversations / 1M messages;
// --quick a tenth) on a fresh database and prints EXPLAIN (ANALYZE, BUFFERS) of the statements
// behind the common-word search (the full-text index path and the fast path), the supervisor
// board and the default list (the statements the domain functions run, imported from them), for
// docs/performance.md. Drops the database at the end.
import pg from 'pg';
import { createDb } from '../../src/db/client.ts';
import { createWorkspace } from '../../src/seed/create-workspace.ts';
import { testPasswords } from '../support/passwords.ts';
import { createBenchDb } from './support/bench-db.ts';
import { COMMON_WORD, seedInbox } from './support/seed-inbox.ts';
import { byIndex, defaultHitLimits, newestOrder } from '../../src/domain/conversations/search-message-hits.ts';
import { summarySelect } from '../../src/domain/conversations/summary-sql.ts';
import { slaRiskStatement, waitingStatement, workByAgentStatement } from '../../src/domain/routing/board-counts.ts';
import { todayStatement } from '../../src/domain/routing/today-stats.ts';

const statements: { name: string; sql: string; params: (ids: { ws: string; since: Date; agentId: string }) => unknown[] }[] = [
  {
    name: 'search, before: newest 2,000 messages matching a common word through the full-text index (search-message-hits.ts byIndex)',
    sql: byIndex.text,
    params: ({ ws }) => [ws, `${COMMON_WORD}:*`, defaultHitLimits.cap],
  },
  {
    name: 'search, fast path: the newest 8,000 messages in order, filtered by the query (search-message-hits.ts newestOrder)',
    sql: newestOrder.text,
    params: ({ ws }) => [ws, `${COMMON_WORD}:*`, defaultHitLimits.window, defaultHitLimits.cap],
  },
  {
    name: 'board: waiting per queue and priority (board-counts.ts)',
    sql: waitingStatement.text,
    params: ({ ws }) => [ws],
  },
  {
    name: 'board: open work per agent and channel kind (board-counts.ts)',
    sql: workByAgentStatement.text,
    params: ({ ws }) => [ws, new Date().toISOString()],
  },
  {
    name: 'board: SLA at risk / breached per queue (board-counts.ts)',
    sql: slaRiskStatement.text,
    params: ({ ws }) => [ws],
  },
  {
    name: "board: today's totals in one statement (today-stats.ts)",
    sql: todayStatement.text,
    params: ({ ws, since }) => [ws, since.toISOString().replace('Z', ''), 'UTC'],
  },
  {
    name: 'list: the API default (newest activity first, supervisor) with the summary joins (summary-sql.ts)',
    sql: summarySelect('$1', 'c."workspaceId" = $2', '$3'),
    params: ({ ws, agentId }) => [agentId, ws, 26],
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
      const params = s.params({ ws: ws.workspace.id, since, agentId: ws.agents[1]!.id });
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
