// The Reports page's sections: volume over time, response times, SLA attainment, complaints and
// repeat contacts, CSAT and agent performance. Each renders one part of GET /api/reports.
import { useState } from 'react';
import type { Report } from '../api/types.ts';
import { BarChart, LineChart } from './charts.tsx';
import { hours, LightBadge, percent, Section } from './report-parts.tsx';

type Dimension = keyof Report['volume']['byDimension'];
const DIMENSIONS: { key: Dimension; label: string }[] = [
  { key: 'channel', label: 'Channel' },
  { key: 'queue', label: 'Queue' },
  { key: 'team', label: 'Team' },
  { key: 'tag', label: 'Tag' },
  { key: 'lifecycle', label: 'Lifecycle stage' },
];

export function VolumeSection({ report }: { report: Report }) {
  const [dimension, setDimension] = useState<Dimension>('channel');
  const v = report.volume;
  const series = v.byDimension[dimension];
  const picker = (
    <select aria-label="Break down by" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
      {DIMENSIONS.map((d) => (
        <option key={d.key} value={d.key}>
          By {d.label.toLowerCase()}
        </option>
      ))}
    </select>
  );
  return (
    <Section title={`Conversations (${v.total})`} aside={picker}>
      <BarChart labels={v.buckets} values={v.counts} title={`New conversations per ${report.range.bucket}`} />
      {series.length > 0 && <LineChart labels={v.buckets} series={series.slice(0, 6)} title={`New conversations per ${report.range.bucket} by ${dimension}`} />}
      <table className="report-table">
        <thead>
          <tr>
            <th>{DIMENSIONS.find((d) => d.key === dimension)!.label}</th>
            <th className="num">Conversations</th>
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.key ?? '-'}>
              <td>{s.label}</td>
              <td className="num">{s.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

const METRICS = [
  { key: 'first_response', label: 'First response' },
  { key: 'next_response', label: 'Next response' },
  { key: 'resolution', label: 'Resolution' },
] as const;

export function ResponseTimesTable({ times, caption }: { times: Report['responseTimes']; caption: string }) {
  return (
    <table className="report-table" aria-label={caption}>
      <thead>
        <tr>
          <th>Metric</th>
          <th className="num">Count</th>
          <th className="num">Median</th>
          <th className="num">p90</th>
          <th className="num">Median (business)</th>
          <th className="num">p90 (business)</th>
        </tr>
      </thead>
      <tbody>
        {METRICS.map((m) => {
          const s = times[m.key];
          return (
            <tr key={m.key}>
              <td>{m.label}</td>
              <td className="num">{s.count}</td>
              <td className="num">{hours(s.calendarHours.median)}</td>
              <td className="num">{hours(s.calendarHours.p90)}</td>
              <td className="num">{hours(s.businessHours.median)}</td>
              <td className="num">{hours(s.businessHours.p90)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

const metricLabel = (k: string) => METRICS.find((m) => m.key === k)?.label ?? k;

export function SlaSection({ report }: { report: Report }) {
  return (
    <Section title="SLA attainment" aside={<LightBadge light={report.lights.slaAttainment} />}>
      {report.sla.length === 0 ? (
        <p className="dim">No SLA clocks for these conversations.</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th>Policy</th>
              <th>Metric</th>
              <th className="num">Met</th>
              <th className="num">Breached</th>
              <th className="num">Running</th>
              <th className="num">Attainment</th>
            </tr>
          </thead>
          <tbody>
            {report.sla.map((r) => (
              <tr key={`${r.policyId}-${r.metric}`}>
                <td>{r.policyName}</td>
                <td>{metricLabel(r.metric)}</td>
                <td className="num">{r.met}</td>
                <td className="num">{r.breached}</td>
                <td className="num">{r.open}</td>
                <td className="num">{percent(r.attainment)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function ComplaintsSection({ report }: { report: Report }) {
  const c = report.complaints;
  return (
    <Section title={`Complaints (${c.count})`} aside={<span className="dim">Tagged {c.tags.join(', ') || '–'}{c.policyIds.length ? ` or under ${c.policyIds.length} complaint polic${c.policyIds.length === 1 ? 'y' : 'ies'}` : ''}</span>}>
      <ResponseTimesTable times={c.responseTimes} caption="Complaint response times" />
      {c.items.length > 0 && (
        <table className="report-table" aria-label="Newest complaints">
          <thead>
            <tr>
              <th>Conversation</th>
              <th>Status</th>
              <th className="num">First response</th>
              <th className="num">Resolution</th>
            </tr>
          </thead>
          <tbody>
            {c.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <a href={`/inbox/all/c/${encodeURIComponent(i.id)}`}>#{i.number}</a> {i.subject}
                </td>
                <td>{i.status}</td>
                <td className="num">{hours(i.firstResponseHours)}</td>
                <td className="num">{hours(i.resolutionHours)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

type CsatRow = Report['csat']['overall'];
function CsatTable({ rows, head }: { rows: CsatRow[]; head: string }) {
  return (
    <table className="report-table" aria-label={`CSAT by ${head.toLowerCase()}`}>
      <thead>
        <tr>
          <th>{head}</th>
          <th className="num">Sent</th>
          <th className="num">Answered</th>
          <th className="num">Average</th>
          <th className="num">Satisfied</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key ?? '-'}>
            <td>{r.label}</td>
            <td className="num">{r.sent}</td>
            <td className="num">{r.answered}</td>
            <td className="num">{r.averageScore?.toFixed(2) ?? '–'}</td>
            <td className="num">{percent(r.satisfied)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function CsatSection({ report }: { report: Report }) {
  const c = report.csat;
  return (
    <Section title="Customer satisfaction" aside={<LightBadge light={report.lights.csatSatisfied} />}>
      {c.overall.sent === 0 ? (
        <p className="dim">No surveys were sent in this range.</p>
      ) : (
        <div className="report-columns">
          <CsatTable rows={c.byAgent} head="Agent" />
          <CsatTable rows={c.byTeam} head="Team" />
          <CsatTable rows={c.byChannel} head="Channel" />
        </div>
      )}
    </Section>
  );
}

export function AgentsSection({ report }: { report: Report }) {
  return (
    <Section title="Agents" aside={<LightBadge light={report.lights.utilisation} />}>
      <table className="report-table">
        <thead>
          <tr>
            <th>Agent</th>
            <th className="num">Assigned</th>
            <th className="num">Handled</th>
            <th className="num">First response (median)</th>
            <th className="num">Resolution (median)</th>
            <th className="num">CSAT</th>
            <th className="num">Online</th>
            <th className="num">Utilisation</th>
          </tr>
        </thead>
        <tbody>
          {report.agents.map((a) => (
            <tr key={a.agentId}>
              <td>{a.name}</td>
              <td className="num">{a.assigned}</td>
              <td className="num">{a.handled}</td>
              <td className="num">{hours(a.firstResponse.calendarHours.median)}</td>
              <td className="num">{hours(a.resolution.calendarHours.median)}</td>
              <td className="num">{percent(a.csat?.satisfied)}</td>
              <td className="num">{hours(a.onlineHours)}</td>
              <td className="num">{percent(a.utilisation)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
