// SLA attainment of the range's conversations per policy and metric: of the clocks that finished
// (met or breached), the share met. Running and paused clocks are counted apart; cancelled ones
// (the policy stopped applying) not at all.
import type { ReportSql } from './report-query.ts';
import { percentOf } from './report-range.ts';
import { cohortCte } from './report-sql.ts';
import type { ResponseMetric, SlaAttainmentRow } from './report-view.ts';

export const slaStatement = {
  name: 'report-sla',
  text: `WITH ${cohortCte}
  SELECT k."policyId", p.name AS "policyName", k.metric::text AS metric,
         count(*) FILTER (WHERE k.status = 'met')::int AS met,
         count(*) FILTER (WHERE k.status = 'breached')::int AS breached,
         count(*) FILTER (WHERE k.status IN ('running', 'paused'))::int AS open
  FROM cohort c JOIN "SlaClock" k ON k."conversationId" = c.id JOIN "SlaPolicy" p ON p.id = k."policyId"
  WHERE k.status <> 'cancelled'
  GROUP BY k."policyId", p.name, k.metric
  ORDER BY p.name, k.metric`,
};

export async function slaAttainment(sql: ReportSql, workspaceId: string, bounds: { startsAt: string; endsAt: string }): Promise<SlaAttainmentRow[]> {
  const rows = await sql<Omit<SlaAttainmentRow, 'attainment'>>(slaStatement, [workspaceId, bounds.startsAt, bounds.endsAt]);
  return rows.map((r) => ({ ...r, metric: r.metric as ResponseMetric, attainment: percentOf(r.met, r.met + r.breached) }));
}

/** All policies and metrics together: met / (met + breached). */
export function overallAttainment(rows: readonly SlaAttainmentRow[]): number | null {
  const met = rows.reduce((n, r) => n + r.met, 0);
  return percentOf(met, met + rows.reduce((n, r) => n + r.breached, 0));
}
