// First response, next response and resolution times: median and p90 in calendar hours and in
// business hours (inside the calendar's open spans), for all and for complaints; first response
// and resolution per agent too. The percentiles are taken in the database (percentile_cont); only
// the aggregates travel.
//   first response: created -> the first agent reply (Conversation.firstResponseAt), and
//   resolution: created -> resolved (those resolved now), over the range's conversations;
//   next response: the customer waits that agent replies sent in the range ended (ResponseWait),
//     read from its covering index.
import type { OpenTime } from './report-calendar.ts';
import type { ReportSql } from './report-query.ts';
import { hoursOf } from './report-range.ts';
import { businessSeconds, cohortCte, percentilesOf } from './report-sql.ts';
import type { DurationStats, ResponseMetric, ResponseTimes } from './report-view.ts';

const complaintOf = (alias: string, tags: string, policies: string) => `(${alias}.tags && ${tags}::text[] OR coalesce(${alias}."slaPolicyId" = ANY(${policies}::text[]), false))`;
const aggregates = `count(*)::int AS n, ${percentilesOf('secs')} AS calendar, ${percentilesOf('bsecs')} AS business`;

export const conversationTimesStatement = {
  name: 'report-conversation-times',
  text: `WITH ${cohortCte},
  spans AS (
    SELECT 'first_response' AS metric, "createdAt" AS s, "firstResponseAt" AS e, ${complaintOf('cohort', '$7', '$8')} AS complaint, "assigneeId" AS agent FROM cohort WHERE "firstResponseAt" >= "createdAt"
    UNION ALL
    SELECT 'resolution', "createdAt", "resolvedAt", ${complaintOf('cohort', '$7', '$8')}, "assigneeId" FROM cohort WHERE status = 'resolved' AND "resolvedAt" >= "createdAt"
  ),
  measured AS (SELECT metric, complaint, agent, extract(epoch FROM e - s)::float8 AS secs, ${businessSeconds('s', 'e', 4)} AS bsecs FROM spans)
  SELECT metric, grouping(complaint, agent)::int AS grouping, complaint, agent, ${aggregates}
  FROM measured GROUP BY GROUPING SETS ((metric), (metric, complaint), (metric, agent))`,
};

const waitsInRange = `FROM "ResponseWait" w WHERE w."workspaceId" = $1 AND w."answeredAt" >= $2::timestamp AND w."answeredAt" < $3::timestamp`;
const waitMeasures = `extract(epoch FROM w."answeredAt" - w."waitedFrom")::float8 AS secs, ${businessSeconds('w."waitedFrom"', 'w."answeredAt"', 4)} AS bsecs`;

export const nextResponseStatement = {
  name: 'report-next-response',
  text: `WITH measured AS (SELECT ${waitMeasures} ${waitsInRange})
  SELECT 'next_response' AS metric, 3 AS grouping, NULL::boolean AS complaint, NULL AS agent, ${aggregates} FROM measured`,
};

export const complaintNextResponseStatement = {
  name: 'report-complaint-next-response',
  text: `WITH measured AS (
    SELECT ${waitMeasures} ${waitsInRange}
      AND EXISTS (SELECT 1 FROM "Conversation" c WHERE c.id = w."conversationId" AND ${complaintOf('c', '$7', '$8')})
  )
  SELECT 'next_response' AS metric, 1 AS grouping, true AS complaint, NULL AS agent, ${aggregates} FROM measured`,
};

export interface Row {
  metric: ResponseMetric;
  /** 3: all; 1: per complaint flag; 2: per agent (grouping() bits: complaint 2, agent 1). */
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
  open: OpenTime;
  complaintTags: string[];
  complaintPolicyIds: string[];
}

export const emptyStats = (): DurationStats => ({ count: 0, calendarHours: { median: null, p90: null }, businessHours: { median: null, p90: null } });
export const emptyResponseTimes = (): ResponseTimes => ({ first_response: emptyStats(), next_response: emptyStats(), resolution: emptyStats() });

/** First response and resolution over the range's conversations (the cohort). */
export async function conversationTimes(sql: ReportSql, input: ResponseTimesInput): Promise<Row[]> {
  return sql<Row>(conversationTimesStatement, valuesOf(input));
}

/** Next responses answered in the range: all, and for complaints. */
export async function nextResponseTimes(sql: ReportSql, input: ResponseTimesInput): Promise<Row[]> {
  const values = valuesOf(input);
  return [...(await sql<Row>(nextResponseStatement, values.slice(0, 6))), ...(await sql<Row>(complaintNextResponseStatement, values))];
}

const valuesOf = (input: ResponseTimesInput) => [input.workspaceId, input.startsAt, input.endsAt, input.open.starts, input.open.offsets, input.open.openAtEnd, input.complaintTags, input.complaintPolicyIds];

export function toResponseTimes(rows: readonly Row[]): ResponseTimesResult {
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
