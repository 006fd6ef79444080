// The range's newest complaints (tagged with a complaint tag, or under a complaint SLA policy)
// with their first response and resolution times in calendar hours.
import type { ReportSql } from './report-query.ts';
import { cohortCte } from './report-sql.ts';
import type { ComplaintItem } from './report-view.ts';

export const complaintItemsStatement = {
  name: 'report-complaint-items',
  text: `WITH ${cohortCte}
  SELECT id, number, subject, status::text AS status, "createdAt",
         round((extract(epoch FROM "firstResponseAt" - "createdAt") / 3600)::numeric, 2)::float8 AS "firstResponseHours",
         CASE WHEN status = 'resolved' THEN round((extract(epoch FROM "resolvedAt" - "createdAt") / 3600)::numeric, 2)::float8 END AS "resolutionHours"
  FROM cohort
  WHERE tags && $4::text[] OR coalesce("slaPolicyId" = ANY($5::text[]), false)
  ORDER BY "createdAt" DESC, id DESC LIMIT 20`,
};

export const complaintCountStatement = {
  name: 'report-complaint-count',
  text: `WITH ${cohortCte} SELECT count(*)::int AS n FROM cohort WHERE tags && $4::text[] OR coalesce("slaPolicyId" = ANY($5::text[]), false)`,
};

export async function complaintItems(sql: ReportSql, workspaceId: string, bounds: { startsAt: string; endsAt: string }, tags: string[], policyIds: string[]): Promise<{ count: number; items: ComplaintItem[] }> {
  const values = [workspaceId, bounds.startsAt, bounds.endsAt, tags, policyIds];
  const rows = await sql<ComplaintItem>(complaintItemsStatement, values);
  const [count] = await sql<{ n: number }>(complaintCountStatement, values);
  // createdAt comes back as a UTC wall time (timestamp without time zone): read it as UTC.
  return { count: count?.n ?? 0, items: rows.map((r) => ({ ...r, createdAt: utcDate(r.createdAt) })) };
}

function utcDate(value: Date | string): Date {
  if (value instanceof Date) return new Date(Date.UTC(value.getFullYear(), value.getMonth(), value.getDate(), value.getHours(), value.getMinutes(), value.getSeconds(), value.getMilliseconds()));
  return new Date(`${value}Z`);
}
