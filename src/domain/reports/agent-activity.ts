// Per agent over the range: conversations assigned and handled (resolved) among the range's
// conversations, time online (from AgentPresenceChange, the state before the range included) and
// utilisation: the share of that online time during which at least one conversation assigned to
// them was unresolved. Time is measured up to the range's end or now, whichever comes first.
import type { ReportSql } from './report-query.ts';
import { cohortCte, multirangeSeconds, resolvedAtOf } from './report-sql.ts';

export const agentActivityStatement = {
  name: 'report-agent-activity',
  text: `WITH ${cohortCte},
  window_ AS (SELECT tsrange($2::timestamp, greatest($2::timestamp, $4::timestamp)) AS w),
  changes AS (
    SELECT "agentId", presence::text AS presence, at FROM "AgentPresenceChange" WHERE "workspaceId" = $1 AND at < $4::timestamp
    UNION
    SELECT id, presence::text, "presenceChangedAt" FROM "Agent" WHERE "workspaceId" = $1 AND "presenceChangedAt" < $4::timestamp
  ),
  spans AS (
    SELECT "agentId", presence, tsrange(at, greatest(at, lead(at, 1, $4::timestamp) OVER (PARTITION BY "agentId" ORDER BY at, presence))) AS r FROM changes
  ),
  online AS (
    SELECT "agentId", range_agg(r * (SELECT w FROM window_)) AS m FROM spans WHERE presence = 'online' GROUP BY 1
  ),
  busy AS (
    SELECT c."assigneeId" AS "agentId",
           range_agg(tsrange(c."createdAt", greatest(c."createdAt", coalesce(${resolvedAtOf('c')}, $4::timestamp))) * (SELECT w FROM window_)) AS m
    FROM "Conversation" c
    WHERE c."workspaceId" = $1 AND c."assigneeId" IS NOT NULL AND c."createdAt" < $4::timestamp
      AND (c.status <> 'resolved' OR c."resolvedAt" IS NULL OR c."resolvedAt" > $2::timestamp)
    GROUP BY 1
  ),
  handled AS (
    SELECT "assigneeId" AS "agentId", count(*)::int AS assigned, count(*) FILTER (WHERE status = 'resolved')::int AS handled
    FROM cohort WHERE "assigneeId" IS NOT NULL GROUP BY 1
  )
  SELECT a.id AS "agentId", a.name, coalesce(h.assigned, 0) AS assigned, coalesce(h.handled, 0) AS handled,
         coalesce(${multirangeSeconds('o.m')}, 0) AS "onlineSeconds",
         coalesce(${multirangeSeconds('o.m * b.m')}, 0) AS "busyOnlineSeconds"
  FROM "Agent" a
  LEFT JOIN handled h ON h."agentId" = a.id
  LEFT JOIN online o ON o."agentId" = a.id
  LEFT JOIN busy b ON b."agentId" = a.id
  WHERE a."workspaceId" = $1 AND ((a.active AND a."joinedAt" IS NOT NULL) OR h.assigned IS NOT NULL OR o.m IS NOT NULL)
  ORDER BY a.name, a.id`,
};

export interface AgentActivity {
  agentId: string;
  name: string;
  assigned: number;
  handled: number;
  onlineSeconds: number;
  busyOnlineSeconds: number;
}

export async function agentActivity(sql: ReportSql, workspaceId: string, bounds: { startsAt: string; endsAt: string; measuredUntil: string }): Promise<AgentActivity[]> {
  return sql<AgentActivity>(agentActivityStatement, [workspaceId, bounds.startsAt, bounds.endsAt, bounds.measuredUntil]);
}
