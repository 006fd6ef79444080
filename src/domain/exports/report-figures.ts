// A report as rows: every figure GET /api/reports answers, one row each, in "long" form (section,
// what it is grouped by, the group, the bucket, the measure, the value), so a spreadsheet or a BI
// tool can pivot it without knowing the report's nesting. Columns: docs/exports.md ("Reports").
import type { CsatRow, DurationStats, ReportView, ResponseTimes } from '../reports/report-view.ts';
import { figures, figureKeys } from '../reports/thresholds.ts';
import type { ExportColumn } from './stream-rows.ts';

export interface ReportFigure {
  section: string;
  dimension: string | null;
  key: string | null;
  label: string | null;
  bucket: string | null;
  measure: string;
  value: number | null;
  unit: 'count' | 'hours' | 'percent' | 'score';
  light: string | null;
}

type Group = Pick<ReportFigure, 'section' | 'dimension' | 'key' | 'label'>;

const row = (g: Group, measure: string, value: number | null, unit: ReportFigure['unit'], bucket: string | null = null): ReportFigure => ({ ...g, bucket, measure, value, unit, light: null });

function durationRows(g: Group, prefix: string, s: DurationStats): ReportFigure[] {
  return [
    row(g, `${prefix}.count`, s.count, 'count'),
    row(g, `${prefix}.calendar_hours.median`, s.calendarHours.median, 'hours'),
    row(g, `${prefix}.calendar_hours.p90`, s.calendarHours.p90, 'hours'),
    row(g, `${prefix}.business_hours.median`, s.businessHours.median, 'hours'),
    row(g, `${prefix}.business_hours.p90`, s.businessHours.p90, 'hours'),
  ];
}

const responseRows = (g: Group, t: ResponseTimes) => (['first_response', 'next_response', 'resolution'] as const).flatMap((m) => durationRows(g, m, t[m]));

function csatRows(g: Group, c: CsatRow): ReportFigure[] {
  return [row(g, 'sent', c.sent, 'count'), row(g, 'answered', c.answered, 'count'), row(g, 'average_score', c.averageScore, 'score'), row(g, 'satisfied', c.satisfied, 'percent')];
}

/** Every figure of the report, in the order the page shows them. */
export function* reportFigures(r: ReportView): Generator<ReportFigure> {
  const all = (section: string, label: string): Group => ({ section, dimension: null, key: null, label });
  for (const k of figureKeys) yield { ...all('headline', figures[k].label), bucket: null, measure: k, value: r.headline[k], unit: k.endsWith('Hours') ? 'hours' : 'percent', light: r.lights[k] };
  const volume = all('volume', 'All conversations');
  yield row(volume, 'conversations', r.volume.total, 'count');
  for (const [i, b] of r.volume.buckets.entries()) yield row(volume, 'conversations', r.volume.counts[i] ?? 0, 'count', b);
  for (const [dimension, series] of Object.entries(r.volume.byDimension)) {
    for (const s of series) {
      const g: Group = { section: 'volume', dimension, key: s.key, label: s.label };
      yield row(g, 'conversations', s.total, 'count');
      for (const [i, b] of r.volume.buckets.entries()) yield row(g, 'conversations', s.counts[i] ?? 0, 'count', b);
    }
  }
  yield* responseRows(all('response_times', 'All conversations'), r.responseTimes);
  for (const s of r.sla) {
    const g: Group = { section: 'sla', dimension: 'policy', key: s.policyId, label: s.policyName };
    yield* [row(g, `${s.metric}.met`, s.met, 'count'), row(g, `${s.metric}.breached`, s.breached, 'count'), row(g, `${s.metric}.open`, s.open, 'count'), row(g, `${s.metric}.attainment`, s.attainment, 'percent')];
  }
  const repeat: Group = { section: 'repeat_contact', dimension: 'days', key: String(r.repeatContact.days), label: `Back within ${r.repeatContact.days} days` };
  yield* [row(repeat, 'resolved', r.repeatContact.resolved, 'count'), row(repeat, 'returned', r.repeatContact.returned, 'count'), row(repeat, 'rate', r.repeatContact.rate, 'percent')];
  const complaints = all('complaints', 'Complaints');
  yield row(complaints, 'conversations', r.complaints.count, 'count');
  yield* responseRows(complaints, r.complaints.responseTimes);
  yield* csatRows(all('csat', 'All surveys'), r.csat.overall);
  for (const [dimension, list] of [['agent', r.csat.byAgent], ['team', r.csat.byTeam], ['channel', r.csat.byChannel]] as const) {
    for (const c of list) yield* csatRows({ section: 'csat', dimension, key: c.key, label: c.label }, c);
  }
  for (const a of r.agents) {
    const g: Group = { section: 'agents', dimension: 'agent', key: a.agentId, label: a.name };
    yield* [row(g, 'assigned', a.assigned, 'count'), row(g, 'handled', a.handled, 'count')];
    yield* durationRows(g, 'first_response', a.firstResponse);
    yield* durationRows(g, 'resolution', a.resolution);
    yield* [row(g, 'csat.average_score', a.csat?.averageScore ?? null, 'score'), row(g, 'csat.satisfied', a.csat?.satisfied ?? null, 'percent')];
    yield* [row(g, 'online_hours', a.onlineHours, 'hours'), row(g, 'utilisation', a.utilisation, 'percent')];
  }
}

export const reportFigureColumns: readonly ExportColumn<ReportFigure>[] = [
  { name: 'section', type: 'string', description: 'Part of the report: headline, volume, response_times, sla, repeat_contact, complaints, csat, agents', value: (f) => f.section },
  { name: 'dimension', type: 'string', description: 'What the figure is grouped by (channel, queue, team, tag, lifecycle, policy, agent, days), empty for the whole range', value: (f) => f.dimension },
  { name: 'key', type: 'string', description: "The group's id or value (a channel kind, a queue id, a tag ...), empty for the whole range or no group", value: (f) => f.key },
  { name: 'label', type: 'string', description: 'The group as the page names it', value: (f) => f.label },
  { name: 'bucket', type: 'string', description: "The day or week (its first local date, YYYY-MM-DD) of a series' point; empty for the range's total", value: (f) => f.bucket },
  { name: 'measure', type: 'string', description: 'What is measured, e.g. conversations, first_response.business_hours.median, first_response.attainment, satisfied', value: (f) => f.measure },
  { name: 'value', type: 'number', description: 'The figure (empty: nothing to measure in the range)', value: (f) => f.value },
  { name: 'unit', type: 'string', description: 'count, hours, percent (0-100) or score (1-5)', value: (f) => f.unit },
  { name: 'light', type: 'string', description: "Headline rows: the figure's traffic light (green, amber, red; empty without a value)", value: (f) => f.light },
];
