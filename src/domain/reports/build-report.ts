// GET /api/reports: every figure of one range, for supervisors and admins. The statements run in
// two lanes of one connection each (report-query.ts); each aggregates in the database.
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { agentActivity } from './agent-activity.ts';
import { complaintItems } from './complaint-items.ts';
import { csatReport } from './csat-report.ts';
import { chooseReportCalendar, openTime } from './report-calendar.ts';
import { withReportSql } from './report-query.ts';
import { hoursOf, percentOf, reportRange, sqlTime } from './report-range.ts';
import { loadReportSettings } from './report-settings.ts';
import type { AgentPerformanceRow, Bucket, ReportView } from './report-view.ts';
import { repeatContacts } from './repeat-contacts.ts';
import { conversationTimes, emptyResponseTimes, nextResponseTimes, toResponseTimes } from './response-times.ts';
import { overallAttainment, slaAttainment } from './sla-attainment.ts';
import { lightOf, type FigureKey } from './thresholds.ts';
import { volumeReport } from './volume-report.ts';

/** How long before the range a wait answered in it may have begun and still be counted in business hours exactly. */
const WAIT_LOOKBACK_MS = 90 * 24 * 3_600_000;

export interface ReportQuery {
  from: string;
  to: string;
  bucket: Bucket;
  repeatDays: number;
  calendarId?: string;
}

export async function buildReport(db: Db, viewer: Viewer, query: ReportQuery, now: Date): Promise<ReportView> {
  requireSupervisor(viewer, 'read reports');
  const workspaceId = viewer.workspaceId;
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { timeZone: true } });
  const range = reportRange(query, ws.timeZone);
  const [settings, calendar, labels] = await Promise.all([loadReportSettings(db, workspaceId), chooseReportCalendar(db, workspaceId, query.calendarId), loadLabels(db, workspaceId)]);
  const bounds = { startsAt: sqlTime(range.startsAt), endsAt: sqlTime(range.endsAt) };
  const measuredUntil = sqlTime(new Date(Math.min(range.endsAt.getTime(), now.getTime())));
  // Durations end by now at the latest; a wait answered in the range may have begun before it.
  const open = openTime(calendar.calendar, new Date(range.startsAt.getTime() - WAIT_LOOKBACK_MS), new Date(Math.max(now.getTime(), range.endsAt.getTime())));
  const tags = settings.complaintTags;
  const policyIds = settings.complaintPolicyIds;
  const timesInput = { workspaceId, ...bounds, open, complaintTags: tags, complaintPolicyIds: policyIds };
  // Two connections side by side (the two CPUs a small server has), each running its share in turn.
  const [first, second] = await Promise.all([
    withReportSql(db, async (sql) => ({
      volume: await volumeReport(sql, workspaceId, range, bounds, { channel: labels.channels, queue: labels.queues, team: labels.teams }),
      conversationRows: await conversationTimes(sql, timesInput),
      sla: await slaAttainment(sql, workspaceId, bounds),
      repeat: await repeatContacts(sql, workspaceId, bounds, query.repeatDays),
      complaints: await complaintItems(sql, workspaceId, bounds, tags, policyIds),
    })),
    withReportSql(db, async (sql) => ({
      nextRows: await nextResponseTimes(sql, timesInput),
      csat: await csatReport(sql, workspaceId, bounds, { agents: labels.agents, teams: labels.teams }),
      activity: await agentActivity(sql, workspaceId, { ...bounds, measuredUntil }),
    })),
  ]);
  const { volume, sla, repeat, complaints } = first;
  const { csat, activity } = second;
  const times = toResponseTimes([...first.conversationRows, ...second.nextRows]);
  const csatByAgent = new Map(csat.byAgent.map((r) => [r.key, r]));
  const agents: AgentPerformanceRow[] = activity.map((a) => {
    const own = times.byAgent.get(a.agentId) ?? emptyResponseTimes();
    return {
      agentId: a.agentId,
      name: a.name,
      handled: a.handled,
      assigned: a.assigned,
      firstResponse: own.first_response,
      resolution: own.resolution,
      csat: csatByAgent.get(a.agentId) ?? null,
      onlineHours: hoursOf(a.onlineSeconds) ?? 0,
      utilisation: percentOf(a.busyOnlineSeconds, a.onlineSeconds),
    };
  });
  const online = activity.reduce((n, a) => n + a.onlineSeconds, 0);
  const busy = activity.reduce((n, a) => n + a.busyOnlineSeconds, 0);
  const values: Record<FigureKey, number | null> = {
    firstResponseMedianHours: times.all.first_response.businessHours.median,
    firstResponseP90Hours: times.all.first_response.businessHours.p90,
    nextResponseMedianHours: times.all.next_response.businessHours.median,
    resolutionMedianHours: times.all.resolution.businessHours.median,
    resolutionP90Hours: times.all.resolution.businessHours.p90,
    slaAttainment: overallAttainment(sla),
    repeatContactRate: repeat.rate,
    complaintFirstResponseMedianHours: times.complaints.first_response.businessHours.median,
    csatSatisfied: csat.overall.satisfied,
    utilisation: percentOf(busy, online),
  };
  return {
    range: { from: range.from, to: range.to, timeZone: range.timeZone, bucket: range.bucket, startsAt: range.startsAt, endsAt: range.endsAt },
    calendar: { id: calendar.id, name: calendar.name, timeZone: calendar.calendar.timeZone },
    volume,
    responseTimes: times.all,
    sla,
    repeatContact: repeat,
    complaints: { tags, policyIds, count: complaints.count, responseTimes: times.complaints, items: complaints.items },
    csat,
    agents,
    thresholds: settings.thresholds,
    headline: values,
    lights: Object.fromEntries(Object.entries(values).map(([k, v]) => [k, lightOf(k as FigureKey, v, settings.thresholds)])) as ReportView['lights'],
  };
}

async function loadLabels(db: Db, workspaceId: string) {
  const [channels, queues, teams, agents] = await Promise.all([
    db.channel.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.queue.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.team.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
    db.agent.findMany({ where: { workspaceId }, select: { id: true, name: true } }),
  ]);
  const named = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
  return { channels: named(channels), queues: named(queues), teams: named(teams), agents: named(agents) };
}
