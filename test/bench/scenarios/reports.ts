// Reports scenario: seeds a workspace with the inbox scenario's seeding at its 10x size (full:
// 100k conversations / 1M messages), plus a business calendar and SLA policy, an SLA clock per
// conversation, complaint tags, CSAT surveys and the replies' next-response waits; then times GET /api/reports as the supervisor
// over the last 30 and the last 7 days (the Europe/Berlin workspace's local dates), p95 of a few
// requests after warm-up.
import pg from 'pg';
import { backfillResponseWaitsStatement } from '../../../src/domain/reports/backfill-response-waits.ts';
import { people, startBenchCluster } from '../support/bench-cluster.ts';
import { seedInbox } from '../support/seed-inbox.ts';
import { percentile } from '../support/stats.ts';

export interface ReportsSize {
  conversations: number;
  messagesPerConversation: number;
  requests: number;
}

export const reportsSizes: Record<'full' | 'quick', ReportsSize> = {
  full: { conversations: 100_000, messagesPerConversation: 10, requests: 8 },
  quick: { conversations: 10_000, messagesPerConversation: 10, requests: 8 },
};

const WARM_UP = 2;
const TZ = 'Europe/Berlin';

export async function runReports(size: ReportsSize): Promise<{ reports: Record<string, number> }> {
  const c = await startBenchCluster();
  try {
    const queueId = (await c.db.queue.findFirstOrThrow({ where: { workspaceId: c.workspaceId } })).id;
    await seedInbox(c.benchDb.url, { queueId, workspaceId: c.workspaceId, channelId: c.smsChannelId, teamId: c.teamId, agentId: c.agentIds.agent, supervisorId: c.agentIds.supervisor, messagesPerConversation: size.messagesPerConversation, conversationsPerContact: 20, from: 0, to: size.conversations });
    await seedReportFacts(c.db, c.benchDb.url, c.workspaceId);
    const token = await c.login(people.supervisor);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
    const daysBefore = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
    const time = async (from: string) => {
      const url = `${c.apiUrl}/api/reports?from=${from}&to=${today}`;
      const samples: number[] = [];
      for (let i = 0; i < WARM_UP + size.requests; i++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { volume?: { total: number } };
        if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${JSON.stringify(body)}`);
        if (i >= WARM_UP) samples.push(performance.now() - t0);
      }
      return percentile(samples, 95);
    };
    const inRange = await c.db.conversation.count({ where: { workspaceId: c.workspaceId, createdAt: { gte: new Date(Date.now() - 31 * 86_400_000) } } });
    return { reports: { days30P95Ms: await time(daysBefore(29)), days7P95Ms: await time(daysBefore(6)), conversations30Days: inRange } };
  } finally {
    await c.close();
  }
}

/** Bulk SQL on a connection of its own: no statement timeout (the API's pool has one). */
export async function seedReportFacts(db: Awaited<ReturnType<typeof startBenchCluster>>['db'], url: string, workspaceId: string): Promise<void> {
  const hours = [{ start: '09:00', end: '17:00' }];
  const calendar = await db.businessCalendar.create({ data: { workspaceId, name: 'Office', timeZone: TZ, weeklyHours: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours }, holidays: ['2026-12-25', '2026-12-26', '2027-01-01'] } });
  const policy = await db.slaPolicy.create({ data: { workspaceId, name: 'Standard', targets: { normal: { first_response: 3600 } }, calendarId: calendar.id } });
  await db.workspace.update({ where: { id: workspaceId }, data: { timeZone: TZ } });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await bulkFacts(client, workspaceId, policy.id);
  } finally {
    await client.end();
  }
}

async function bulkFacts(client: pg.Client, workspaceId: string, policyId: string): Promise<void> {
  await client.query(`UPDATE "Conversation" SET tags = ARRAY['complaint'], "slaPolicyId" = $2 WHERE "workspaceId" = $1 AND number % 10 = 3`, [workspaceId, policyId]);
  await client.query(
    `INSERT INTO "SlaClock" (id, "workspaceId", "conversationId", "policyId", metric, key, "targetMs", status, "startedAt", "createdAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, id, $2, 'first_response', 'first_response', 3600000, (CASE WHEN number % 7 = 0 THEN 'breached' ELSE 'met' END)::"SlaClockStatus", "createdAt", now(), now()
     FROM "Conversation" WHERE "workspaceId" = $1`,
    [workspaceId, policyId],
  );
  await client.query(
    `INSERT INTO "CsatSurvey" (id, "workspaceId", "conversationId", "contactId", "channelId", "agentId", "teamId", "channelKind", style, status, "resolvedAt", "scheduledFor", score, "sentAt", "answeredAt", "updatedAt")
     SELECT gen_random_uuid()::text, $1, id, "contactId", "channelId", "assigneeId", "teamId", 'sms', 'reply', 'answered', "resolvedAt", "resolvedAt", 1 + number % 5, "resolvedAt", "resolvedAt" + interval '1 hour', now()
     FROM "Conversation" WHERE "workspaceId" = $1 AND status = 'resolved' AND number % 4 = 0`,
    [workspaceId],
  );
  // The seeded replies' next-response waits, as the reply path records them.
  await client.query(backfillResponseWaitsStatement.text, [workspaceId]);
  await client.query('VACUUM (ANALYZE) "SlaClock", "CsatSurvey", "Conversation", "ResponseWait"');
}
