// CSAT by agent, team and channel over the surveys sent in the range. The one function that reads
// CsatSurvey (conversationId, contactId, agentId, teamId, channelKind, score 1-5, sentAt,
// answeredAt), so the survey flow can change around it. Satisfied = a score of 4 or 5.
import type { ReportSql } from './report-query.ts';
import { percentOf } from './report-range.ts';
import type { CsatReport, CsatRow } from './report-view.ts';

export const csatStatement = {
  name: 'report-csat',
  text: `SELECT grouping("agentId", "teamId", "channelKind")::int AS grouping, "agentId", "teamId", "channelKind",
         count(*)::int AS sent,
         count(score) FILTER (WHERE "answeredAt" IS NOT NULL)::int AS answered,
         avg(score) FILTER (WHERE "answeredAt" IS NOT NULL)::float8 AS average,
         count(*) FILTER (WHERE "answeredAt" IS NOT NULL AND score >= 4)::int AS satisfied
  FROM "CsatSurvey"
  WHERE "workspaceId" = $1 AND "sentAt" >= $2::timestamp AND "sentAt" < $3::timestamp
  GROUP BY GROUPING SETS ((), ("agentId"), ("teamId"), ("channelKind"))`,
};

interface Row {
  grouping: number;
  agentId: string | null;
  teamId: string | null;
  channelKind: string | null;
  sent: number;
  answered: number;
  average: number | null;
  satisfied: number;
}

export interface CsatLabels {
  agents: Map<string, string>;
  teams: Map<string, string>;
}

export async function csatReport(sql: ReportSql, workspaceId: string, bounds: { startsAt: string; endsAt: string }, labels: CsatLabels): Promise<CsatReport> {
  const rows = await sql<Row>(csatStatement, [workspaceId, bounds.startsAt, bounds.endsAt]);
  const report: CsatReport = { overall: toRow(null, 'All surveys', undefined), byAgent: [], byTeam: [], byChannel: [] };
  for (const r of rows) {
    // grouping() bits: agentId 4, teamId 2, channelKind 1 (set = not grouped by it).
    if (r.grouping === 7) report.overall = toRow(null, 'All surveys', r);
    else if (r.grouping === 3) report.byAgent.push(toRow(r.agentId, r.agentId ? (labels.agents.get(r.agentId) ?? r.agentId) : 'No agent', r));
    else if (r.grouping === 5) report.byTeam.push(toRow(r.teamId, r.teamId ? (labels.teams.get(r.teamId) ?? r.teamId) : 'No team', r));
    else if (r.grouping === 6) report.byChannel.push(toRow(r.channelKind, r.channelKind ?? 'Unknown', r));
  }
  for (const list of [report.byAgent, report.byTeam, report.byChannel]) list.sort((a, b) => b.answered - a.answered || a.label.localeCompare(b.label));
  return report;
}

function toRow(key: string | null, label: string, r: Row | undefined): CsatRow {
  if (!r) return { key, label, sent: 0, answered: 0, averageScore: null, satisfied: null };
  return { key, label, sent: r.sent, answered: r.answered, averageScore: r.average === null ? null : Math.round(r.average * 100) / 100, satisfied: percentOf(r.satisfied, r.answered) };
}
