// Today's totals for the supervisor board: median first-response and resolution times, SLA
// breaches, and new conversations per hour and channel (in the workspace's time zone). One
// statement that aggregates in the database (through the createdAt / resolvedAt indexes), so only
// the totals and the hour rows travel, however busy the day was.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import type { TodayStats } from './board-view.ts';

// The median as the board always took it: the middle value, or the mean of the two middle ones.
const medianOf = (values: string) => `(SELECT avg(x) FROM (
    SELECT x, row_number() OVER (ORDER BY x) AS rn, count(*) OVER () AS n FROM (${values}) v
  ) ranked WHERE rn IN ((n + 1) / 2, (n + 2) / 2))`;

/** Exported for test/bench/explain.ts. */
export const todayStatement = {
  name: 'board-today',
  text: `WITH created AS (
           SELECT c."createdAt", c."firstResponseAt", ch.kind
           FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId"
           WHERE c."workspaceId" = $1 AND c."createdAt" >= $2::timestamp
         ), resolved AS (
           SELECT "createdAt", "resolvedAt" FROM "Conversation" WHERE "workspaceId" = $1 AND "resolvedAt" >= $2::timestamp
         )
         SELECT (SELECT count(*)::int FROM created) AS conversations,
                (SELECT count(*)::int FROM resolved) AS resolved,
                (SELECT count(*)::int FROM "SlaBreach" WHERE "workspaceId" = $1 AND "breachedAt" >= $2::timestamp) AS "slaBreaches",
                ${medianOf(`SELECT extract(epoch FROM "firstResponseAt" - "createdAt")::float8 AS x FROM created WHERE "firstResponseAt" IS NOT NULL`)} AS "firstResponseMedianSeconds",
                ${medianOf(`SELECT extract(epoch FROM "resolvedAt" - "createdAt")::float8 AS x FROM resolved`)} AS "resolutionMedianSeconds",
                (SELECT coalesce(json_agg(json_build_object('hour', hour, 'channel', kind, 'count', n)), '[]')
                 FROM (SELECT extract(hour FROM ("createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $3)::int AS hour, kind, count(*)::int AS n
                       FROM created GROUP BY 1, 2) per_hour) AS "volumeByHour"`,
};

export async function todayStats(db: Db, input: { workspaceId: string; since: Date; timeZone: string }): Promise<TodayStats> {
  // Prisma keeps DateTime as UTC `timestamp`: the bound is passed as its UTC wall time.
  const since = input.since.toISOString().replace('Z', '');
  const [row] = await sqlRows<Omit<TodayStats, 'since'>>(db, todayStatement, [input.workspaceId, since, input.timeZone]);
  return {
    since: input.since.toISOString(),
    conversations: row!.conversations,
    resolved: row!.resolved,
    slaBreaches: row!.slaBreaches,
    firstResponseMedianSeconds: row!.firstResponseMedianSeconds,
    resolutionMedianSeconds: row!.resolutionMedianSeconds,
    volumeByHour: row!.volumeByHour.sort((a, b) => a.hour - b.hour || a.channel.localeCompare(b.channel)),
  };
}
