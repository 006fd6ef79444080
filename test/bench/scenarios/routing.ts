// Routing scenario: 500 agents online (Support team, room for every conversation: SMS weighs 1 of
// an agent's 100) and 10,000 waiting conversations seeded with SQL, then one route job per
// conversation queued as ingest queues them. assignmentsPerSecond counts assignments in the
// database over the time from the first route job picked up to the last completed (or the time
// cap). A decision is one conversation's time from its route job going active (the router taking
// the request) to that job completing, which the router does only once the batch holding the
// conversation has committed and published: Redis's own clock on both events (the ids of BullMQ's
// event stream), so the delivery of the events to this process adds nothing. Then the agents come
// online: all offline, as many conversations again left waiting, the agents online at once and
// one dispatch queued (what setPresence does); onlineDrainPerSecond is how fast they are placed.
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

interface SeedIds {
  workspaceId: string;
  channelId: string;
  teamId: string;
}

async function seedWaiting(url: string, ids: SeedIds, size: RoutingSize): Promise<void> {
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
    await addWaiting(client, ids, { prefix: '+1666', count: size.waiting, firstNumber: 1 });
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** `count` conversations waiting for an agent, of as many new contacts (phones `prefix` + 7 digits). */
async function addWaiting(client: pg.Client, ids: SeedIds, input: { prefix: string; count: number; firstNumber: number }): Promise<string[]> {
  await client.query(
    `INSERT INTO "Contact" (id, "workspaceId", name, phone, "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, 'Waiting ' || g, $3 || lpad(g::text, 7, '0'), now(), now() FROM generate_series(1, $2::int) g`,
    [ids.workspaceId, input.count, input.prefix],
  );
  const rows = await client.query<{ id: string }>(
    `INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", "teamId", "messageCount", "lastMessageAt", "lastInboundAt", "createdAt", "updatedAt", "queuedAt", "waitingSince")
     SELECT gen_random_uuid()::text, $1, $5::int - 1 + row_number() OVER (ORDER BY k.phone), $2, k.id, $3, 1, t, t, t, now(), t, t
     FROM "Contact" k CROSS JOIN LATERAL (SELECT now() - interval '1 minute' AS t) x
     WHERE k."workspaceId" = $1 AND k.phone LIKE $4 || '%'
     RETURNING id`,
    [ids.workspaceId, ids.channelId, ids.teamId, input.prefix, input.firstNumber],
  );
  await client.query('UPDATE "Workspace" SET "conversationSeq" = $2 WHERE id = $1', [ids.workspaceId, input.firstNumber - 1 + input.count]);
  return rows.rows.map((r) => r.id);
}

/** The Redis server's time of a BullMQ event stream entry ("<ms>-<seq>"). */
const streamMs = (id: string) => Number(id.split('-')[0]);

/**
 * Agents come online: every agent offline, `count` more conversations waiting, then all agents
 * online at once and one dispatch queued, as setPresence queues it. Placed per second, from the
 * dispatch queued to the last of them assigned (polled every 100 ms), or the time cap.
 */
async function agentsComeOnline(url: string, ids: SeedIds, queues: ReturnType<typeof createQueues>, input: { count: number; firstNumber: number; maxSeconds: number }) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "Agent" SET presence = 'offline' WHERE "workspaceId" = $1`, [ids.workspaceId]);
    const waiting = await addWaiting(client, ids, { prefix: '+1667', count: input.count, firstNumber: input.firstNumber });
    await client.query('ANALYZE "Conversation"');
    const placed = async () => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Conversation" WHERE id = ANY($1) AND "assigneeId" IS NOT NULL`, [waiting])).rows[0]!.n);
    await client.query(`UPDATE "Agent" SET presence = 'online', "presenceChangedAt" = now() WHERE "workspaceId" = $1`, [ids.workspaceId]);
    const began = performance.now();
    await queues.enqueue('route', { kind: 'dispatch', workspaceId: ids.workspaceId });
    const deadline = began + input.maxSeconds * 1000;
    let done = 0;
    while ((done = await placed()) < waiting.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    return { onlineDrainPerSecond: done / ((performance.now() - began) / 1000), onlinePlaced: done };
  } finally {
    await client.end();
  }
}

export async function runRouting(size: RoutingSize, opts: { cpuProfDir?: string | null } = {}): Promise<{ routing: Record<string, number> }> {
  const c = await startBenchCluster({ workerNodeFlags: opts.cpuProfDir ? ['--cpu-prof', '--cpu-prof-dir', opts.cpuProfDir] : [] });
  const redis = new Redis(c.redis.url, { maxRetriesPerRequest: null });
  const events = new QueueEvents('route', { connection: { url: c.redis.url }, prefix: QUEUE_PREFIX });
  try {
    const ids = { workspaceId: c.workspaceId, channelId: c.smsChannelId, teamId: c.teamId };
    await seedWaiting(c.benchDb.url, ids, size);
    const conversations = await c.db.conversation.findMany({ where: { workspaceId: c.workspaceId, assigneeId: null, status: 'open' }, select: { id: true }, orderBy: { number: 'asc' } });
    await events.waitUntilReady();
    // Keyed by job id: a conversation's route job, from going active to completed (Redis's clock).
    const activeAt = new Map<string, number>();
    const decisions: number[] = [];
    let firstActive = Number.POSITIVE_INFINITY;
    let lastCompleted = 0;
    events.on('active', ({ jobId }, id) => {
      activeAt.set(jobId, streamMs(id));
      firstActive = Math.min(firstActive, performance.now());
    });
    events.on('completed', ({ jobId }, id) => {
      const began = activeAt.get(jobId);
      if (began === undefined || !jobId.startsWith('route-')) return;
      decisions.push(streamMs(id) - began);
      lastCompleted = Math.max(lastCompleted, performance.now());
    });
    const queues = createQueues(redis, QUEUE_PREFIX);
    // Queued as fast as Redis takes them (pipelined), so the router, not this producer, sets the pace.
    for (let i = 0; i < conversations.length; i += 500) {
      await Promise.all(conversations.slice(i, i + 500).map(({ id }) => queues.enqueue('route', { kind: 'conversation', conversationId: id, reason: 'new' })));
    }
    const deadline = performance.now() + size.maxSeconds * 1000;
    while (decisions.length < conversations.length && performance.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    const end = decisions.length < conversations.length ? performance.now() : lastCompleted;
    const assigned = await c.db.conversation.count({ where: { workspaceId: c.workspaceId, assigneeId: { not: null } } });
    const online = await agentsComeOnline(c.benchDb.url, ids, queues, { count: size.waiting, firstNumber: size.waiting + 1, maxSeconds: size.maxSeconds });
    await queues.close();
    return {
      routing: {
        assignmentsPerSecond: assigned / ((end - firstActive) / 1000),
        decisionP50Ms: percentile(decisions, 50),
        decisionP99Ms: percentile(decisions, 99),
        assigned,
        routeJobsDone: decisions.length,
        ...online,
      },
    };
  } finally {
    await events.close();
    redis.disconnect();
    await c.close();
  }
}
