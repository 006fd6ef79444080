// SQL shared by the report's statements. Every statement starts from the same cohort: the
// workspace's conversations created in the range ($1 workspace, $2 start, $3 end, UTC wall times),
// read through Conversation(workspaceId, createdAt). Parameters are always bound.

export const cohortCte = `cohort AS (
  SELECT c.id, c.number, c."createdAt", c."firstResponseAt", c."resolvedAt", c.status, c."assigneeId", c."teamId",
         c."channelId", c."queueId", c."contactId", c.tags, c."slaPolicyId", c.subject
  FROM "Conversation" c
  WHERE c."workspaceId" = $1 AND c."createdAt" >= $2::timestamp AND c."createdAt" < $3::timestamp
)`;

/** When a resolved conversation was resolved (null while it is not resolved). */
export const resolvedAtOf = (alias: string) => `CASE WHEN ${alias}.status = 'resolved' THEN ${alias}."resolvedAt" END`;

/** Seconds covered by a tsmultirange expression. */
export const multirangeSeconds = (expr: string) => `(SELECT coalesce(sum(extract(epoch FROM upper(r) - lower(r))), 0)::float8 FROM unnest(${expr}) r)`;

/** Percentiles of a seconds column as float8[] {median, p90}. */
export const percentilesOf = (column: string) => `percentile_cont(ARRAY[0.5, 0.9]::float8[]) WITHIN GROUP (ORDER BY ${column})`;

/**
 * Business seconds between two timestamp expressions, the calendar's open spans bound as $n, $n+1,
 * $n+2 (OpenTime: starts, offsets, openAtEnd). open(t) = the open seconds up to t, found by a
 * binary search over the span starts (width_bucket); a duration is open(end) - open(start).
 */
export function businessSeconds(start: string, end: string, firstParam: number): string {
  const [starts, offsets, openAtEnd] = [0, 1, 2].map((i) => `$${firstParam + i}::float8[]`);
  const open = (t: string) => {
    const at = `extract(epoch FROM ${t})::float8`;
    const k = `width_bucket(${at}, ${starts})`;
    return `least(${at} + (${offsets})[${k}], (${openAtEnd})[${k}])`;
  };
  return `(${open(end)} - ${open(start)})`;
}
