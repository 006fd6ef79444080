// First response, next response and resolution times of the range's conversations: median and
// p90 in calendar hours and in business hours (the time inside the calendar's open spans), for
// all conversations, for complaints, and per agent. One statement; the percentiles are taken in
// the database (percentile_cont), only the aggregates travel.
//   first response: created -> the first agent reply (Conversation.firstResponseAt);
//   next response: each agent reply that answered customer messages after an earlier agent reply,
//     from the first of those customer messages (the customer's wait) to the reply;
//   resolution: created -> resolved, for those resolved now.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import { hoursOf } from './report-range.ts';
import { cohortCte, multirangeSeconds, percentilesOf } from './report-sql.ts';
import type { DurationStats, ResponseMetric, ResponseTimes } from './report-view.ts';

export const responseTimesStatement = {
  name: 'report-response-times',
  text: `WITH ${cohortCte},
  flagged AS (SELECT *, (tags && $5::text[] OR coalesce("slaPolicyId" = ANY($6::text[]), false)) AS complaint FROM cohort),
  msgs AS (
    SELECT m."conversationId", m."createdAt", m.direction, m."authorAgentId", (m.direction = 'out' AND m."authorAgentId" IS NOT NULL) AS reply
    FROM "Message" m JOIN cohort c ON c.id = m."conversationId"
    WHERE m."workspaceId" = $1 AND m."createdAt" >= $2::timestamp AND m.kind = 'message'
  ),
  runs AS (
    SELECT *, coalesce(count(*) FILTER (WHERE reply) OVER (PARTITION BY "conversationId" ORDER BY "createdAt" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS grp
    FROM msgs
  ),
  waits AS (
    SELECT "conversationId", min("createdAt") FILTER (WHERE direction = 'in') AS s, max("createdAt") FILTER (WHERE reply) AS e, max("authorAgentId") FILTER (WHERE reply) AS agent
    FROM runs WHERE grp > 0 GROUP BY "conversationId", grp
  ),
  spans AS (
    SELECT 'first_response' AS metric, "createdAt" AS s, "firstResponseAt" AS e, complaint, "assigneeId" AS agent FROM flagged WHERE "firstResponseAt" IS NOT NULL
    UNION ALL SELECT 'resolution', "createdAt", "resolvedAt", complaint, "assigneeId" FROM flagged WHERE status = 'resolved' AND "resolvedAt" IS NOT NULL
    UNION ALL SELECT 'next_response', w.s, w.e, f.complaint, w.agent FROM waits w JOIN flagged f ON f.id = w."conversationId" WHERE w.s IS NOT NULL AND w.e IS NOT NULL
  ),
  measured AS (
    SELECT metric, complaint, agent, extract(epoch FROM e - s)::float8 AS secs,
           ${multirangeSeconds('tsmultirange(tsrange(s, e)) * $4::tsmultirange')} AS bsecs
    FROM spans WHERE e >= s
  )
  SELECT metric, grouping(complaint, agent)::int AS grouping, complaint, agent, count(*)::int AS n,
         ${percentilesSql()}
  FROM measured GROUP BY GROUPING SETS ((metric), (metric, complaint), (metric, agent))`,
};

function percentilesSql(): string {
  return `${percentilesOf('secs')} AS calendar, ${percentilesOf('bsecs')} AS business`;
}

interface Row {
  metric: ResponseMetric;
  /** 3: all; 1: per complaint flag; 2: per agent (grouping() bits: complaint, agent). */
  grouping: number;
  complaint: boolean | null;
  agent: string | null;
  n: number;
  calendar: number[] | null;
  business: number[] | null;
}

export interface ResponseTimesResult {
  all: ResponseTimes;
  complaints: ResponseTimes;
  byAgent: Map<string, ResponseTimes>;
}

export interface ResponseTimesInput {
  workspaceId: string;
  startsAt: string;
  endsAt: string;
  openTime: string;
  complaintTags: string[];
  complaintPolicyIds: string[];
}

export const emptyStats = (): DurationStats => ({ count: 0, calendarHours: { median: null, p90: null }, businessHours: { median: null, p90: null } });
export const emptyResponseTimes = (): ResponseTimes => ({ first_response: emptyStats(), next_response: emptyStats(), resolution: emptyStats() });

export async function responseTimes(db: Db, input: ResponseTimesInput): Promise<ResponseTimesResult> {
  const rows = await sqlRows<Row>(db, responseTimesStatement, [input.workspaceId, input.startsAt, input.endsAt, input.openTime, input.complaintTags, input.complaintPolicyIds]);
  const result: ResponseTimesResult = { all: emptyResponseTimes(), complaints: emptyResponseTimes(), byAgent: new Map() };
  for (const row of rows) {
    const stats = toStats(row);
    if (row.grouping === 3) result.all[row.metric] = stats;
    else if (row.grouping === 1 && row.complaint) result.complaints[row.metric] = stats;
    else if (row.grouping === 2 && row.agent) {
      const times = result.byAgent.get(row.agent) ?? emptyResponseTimes();
      times[row.metric] = stats;
      result.byAgent.set(row.agent, times);
    }
  }
  return result;
}

function toStats(row: Row): DurationStats {
  return {
    count: row.n,
    calendarHours: { median: hoursOf(row.calendar?.[0]), p90: hoursOf(row.calendar?.[1]) },
    businessHours: { median: hoursOf(row.business?.[0]), p90: hoursOf(row.business?.[1]) },
  };
}
