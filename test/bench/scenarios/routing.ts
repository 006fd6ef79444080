// Routing scenario: 500 agents online (Support team, room for every conversation: SMS weighs 1 of
// an agent's 100) and 10,000 waiting conversations seeded with SQL, then one route job per
// conversation queued as ingest queues them. assignmentsPerSecond counts assignments in the
// database over the time from the first route job picked up to the last completed (or the time
// cap); decisionP99Ms is the p99 of each route job's active -> completed time (BullMQ's events).
import { QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createQueues } from '../../../src/queues.ts';
import { QUEUE_PREFIX, startBenchCluster } from '../support/bench-cluster.ts';
import { percentile } from '../support/stats.ts';

export interface RoutingSize {
  agents: number;
  waiting: number;
  /** Stop measuring after this long: today's routing needs many minutes for 10,000. */
  maxSeconds: number;
}

export const routingSizes: Record<'full' | 'quick', RoutingSize> = {
  full: { agents: 500, waiting: 10_000, maxSeconds: 300 },
  quick: { agents: 50, waiting: 1_000, maxSeconds: 120 },
};

async function seedWaiting(url: string, ids: { workspaceId: string; channelId: string; teamId: string }, size: RoutingSize): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Workspace" SET "capacityWeights" = '{"sms": 1}' WHERE id = $1`, [ids.workspaceId]);
    await client.query(
      `WITH a AS (
         INSERT INTO "Agent" (id, "workspaceId", email, name, role, presence, "updatedAt")
         SELECT gen_random_uuid()::text, $1, 'agent' || g || '@bench.test', 'Agent ' || g, 'agent', 'online', now() FROM generate_series(1, $3::int) g
         RETURNING id)
       INSERT INTO "TeamMember" ("agentId", "teamId") SELECT id, $2 FROM a`,
      [ids.workspaceId, ids.teamId, size.agents],
    );
    await client.query(
      `INSERT INTO "Contact" (id, "workspaceId", name, phone, "createdAt", "updatedAt")
       SELECT gen_random_uuid()::text, $1, 'Waiting ' || g, '+1666' || lpad(g::text, 7, '0'), now(), now() FROM generate_series(1, $2::int) g`,
      [ids.workspaceId, size.waiting],
    );
    await client.query(
      `INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", "teamId", "messageCount", "lastMessageAt", "lastInboundAt", "createdAt", "updatedAt", "queuedAt", "waitingSince")
       SELECT gen_random_uuid()::text, $1, row_number() OVER (ORDER BY k.phone), $2, k.id, $3, 1, t, t, t, now(), t, t
       FROM "Contact" k CROSS JOIN LATERAL (SELECT now() - interval '1 minute' AS t) x
       WHERE k."workspaceId" = $1 AND k.phone LIKE '+1666%'`,
      [ids.workspaceId, ids.channelId, ids.teamId],
    );
    await client.query('UPDATE "Workspace" SET "conversationSeq" = $2 WHERE id = $1', [ids.workspaceId, size.waiting]);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

export async function runRouting(size: RoutingSize): Promise<{ routing: Record<string, number> }> {
  const c = await startBenchCluster();
  const redis = new Redis(c.redis.url, { maxRetriesPerRequest: null });
  const events = new QueueEvents('route', { connection: { url: c.redis.url }, prefix: QUEUE_PREFIX });
  try {
    await seedWaiting(c.benchDb.url, { workspaceId: c.workspaceId, channelId: c.smsChannelId, teamId: c.teamId }, size);
    const conversations = await c.db.conversation.findMany({ where: { workspaceId: c.workspaceId, assigneeId: null, status: 'open' }, select: { id: true }, orderBy: { number: 'asc' } });
    await events.waitUntilReady();
    const activeAt = new Map<string, number>();
    const decisions: number[] = [];
    let firstActive = Number.POSITIVE_INFINITY;
    let lastCompleted = 0;
    events.on('active', ({ jobId }) => {
      const now = performance.now();
      activeAt.set(jobId, now);
      firstActive = Math.min(firstActive, now);
    });
    events.on('completed', ({ jobId }) => {
      const now = performance.now();
      const began = activeAt.get(jobId);
      if (began !== undefined && jobId.startsWith('route-')) decisions.push(now - began);
      lastCompleted = Math.max(lastCompleted, now);
    });
    const queues = createQueues(redis, QUEUE_PREFIX);
    for (const { id } of conversations) await queues.enqueue('route', { kind: 'conversation', conversationId: id, reason: 'new' });
    const deadline = performance.now() + size.maxSeconds * 1000;
    while (decisions.length < conversations.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const end = decisions.length < conversations.length ? performance.now() : lastCompleted;
    const assigned = await c.db.conversation.count({ where: { workspaceId: c.workspaceId, assigneeId: { not: null } } });
    await queues.close();
    return {
      routing: {
        assignmentsPerSecond: assigned / ((end - firstActive) / 1000),
        decisionP50Ms: percentile(decisions, 50),
        decisionP99Ms: percentile(decisions, 99),
        assigned,
        routeJobsDone: decisions.length,
      },
    };
  } finally {
    await events.close();
    redis.disconnect();
    await c.close();
  }
}
