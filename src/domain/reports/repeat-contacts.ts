// Repeat contacts: of the range's conversations that are resolved, the share whose contact opened
// another conversation (on any channel) within `days` after it was resolved.
import type { ReportSql } from './report-query.ts';
import { percentOf } from './report-range.ts';
import { cohortCte } from './report-sql.ts';
import type { RepeatContactReport } from './report-view.ts';

export const repeatStatement = {
  name: 'report-repeat-contacts',
  text: `WITH ${cohortCte}
  SELECT count(*)::int AS resolved,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM "Conversation" n
           WHERE n."contactId" = c."contactId" AND n."createdAt" > c."resolvedAt" AND n."createdAt" <= c."resolvedAt" + $4::int * interval '1 day'
         ))::int AS returned
  FROM cohort c WHERE c.status = 'resolved' AND c."resolvedAt" IS NOT NULL`,
};

export async function repeatContacts(sql: ReportSql, workspaceId: string, bounds: { startsAt: string; endsAt: string }, days: number): Promise<RepeatContactReport> {
  const [row] = await sql<{ resolved: number; returned: number }>(repeatStatement, [workspaceId, bounds.startsAt, bounds.endsAt, days]);
  const resolved = row?.resolved ?? 0;
  const returned = row?.returned ?? 0;
  return { days, resolved, returned, rate: percentOf(returned, resolved) };
}
