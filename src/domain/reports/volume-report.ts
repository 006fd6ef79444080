// New conversations per day or week (local dates of the workspace's time zone) by channel, queue,
// team, tag and the contact's lifecycle stage. Grouped in the database: only the counts travel.
import type { ReportSql } from './report-query.ts';
import type { ReportRange } from './report-range.ts';
import { cohortCte } from './report-sql.ts';
import type { VolumeDimension, VolumeReport, VolumeSeries } from './report-view.ts';

const localBucket = `to_char(date_trunc($4, (c."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE $5), 'YYYY-MM-DD')`;

export const volumeStatement = {
  name: 'report-volume',
  text: `WITH ${cohortCte},
  bucketed AS (
    SELECT ${localBucket} AS bucket, c."channelId", c."queueId", c."teamId", ct."lifecycleStage", c.tags
    FROM cohort c JOIN "Contact" ct ON ct.id = c."contactId"
  )
  SELECT bucket,
         CASE WHEN grouping("channelId") = 0 THEN 'channel' WHEN grouping("queueId") = 0 THEN 'queue' WHEN grouping("teamId") = 0 THEN 'team' ELSE 'lifecycle' END AS dimension,
         coalesce("channelId", "queueId", "teamId", "lifecycleStage") AS key, count(*)::int AS n
  FROM bucketed GROUP BY GROUPING SETS ((bucket, "channelId"), (bucket, "queueId"), (bucket, "teamId"), (bucket, "lifecycleStage"))
  UNION ALL SELECT bucket, 'tag', tag, count(*)::int FROM bucketed CROSS JOIN LATERAL unnest(tags) tag GROUP BY 1, 3`,
};

interface Row {
  bucket: string;
  dimension: VolumeDimension;
  key: string | null;
  n: number;
}

export type Labels = Partial<Record<VolumeDimension, Map<string, string>>>;

const noneLabel: Record<VolumeDimension, string> = { channel: 'No channel', queue: 'No queue', team: 'No team', tag: 'No tag', lifecycle: 'No stage' };

export async function volumeReport(sql: ReportSql, workspaceId: string, range: ReportRange, bounds: { startsAt: string; endsAt: string }, labels: Labels): Promise<VolumeReport> {
  const rows = await sql<Row>(volumeStatement, [workspaceId, bounds.startsAt, bounds.endsAt, range.bucket, range.timeZone]);
  const index = new Map(range.buckets.map((b, i) => [b, i]));
  const byDimension: VolumeReport['byDimension'] = { channel: [], queue: [], team: [], tag: [], lifecycle: [] };
  const series = new Map<string, VolumeSeries>();
  const counts = range.buckets.map(() => 0);
  for (const row of rows) {
    const at = index.get(row.bucket);
    if (at === undefined) throw new Error(`report bucket ${row.bucket} is outside ${range.buckets[0]}..${range.buckets.at(-1)}`);
    const id = `${row.dimension}:${row.key ?? ''}`;
    let s = series.get(id);
    if (!s) {
      s = { key: row.key, label: row.key === null ? noneLabel[row.dimension] : (labels[row.dimension]?.get(row.key) ?? row.key), total: 0, counts: range.buckets.map(() => 0) };
      series.set(id, s);
      byDimension[row.dimension].push(s);
    }
    s.counts[at]! += row.n;
    s.total += row.n;
    if (row.dimension === 'channel') counts[at]! += row.n;
  }
  for (const list of Object.values(byDimension)) list.sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
  return { buckets: range.buckets, total: counts.reduce((a, b) => a + b, 0), counts, byDimension };
}
