// Supervisors and admins: the Reports page. A date range (presets or custom, in the workspace's
// time zone), headline figures with traffic lights, then volume, response times, SLA, complaints,
// CSAT and agents. Admins change the thresholds here too.
import { useEffect, useState } from 'react';
import { SettingsPage } from '../admin/admin-ui.tsx';
import { errorMessage } from '../api/client.ts';
import { reportsApi } from '../api/reports-endpoints.ts';
import type { Report, ReportQuery, ReportSettings } from '../api/types.ts';
import { isAdmin, isSupervisor, useSession } from '../state/session.tsx';
import { presetRange, RangePicker } from './range-picker.tsx';
import { exportApi } from '../api/export-endpoints.ts';
import { DownloadLinks } from '../ui/download-links.tsx';
import { Figure, hours, percent, Section } from './report-parts.tsx';
import { AgentsSection, ComplaintsSection, CsatSection, ResponseTimesTable, SlaSection, VolumeSection } from './report-sections.tsx';
import { ThresholdsForm } from './thresholds-form.tsx';
import './reports.css';

function Headlines({ report }: { report: Report }) {
  const t = report.responseTimes;
  const l = report.lights;
  return (
    <div className="report-figures">
      <Figure label="First response (median)" value={hours(t.first_response.businessHours.median)} light={l.firstResponseMedianHours} hint={`${hours(t.first_response.calendarHours.median)} calendar`} />
      <Figure label="Next response (median)" value={hours(t.next_response.businessHours.median)} light={l.nextResponseMedianHours} hint={`${hours(t.next_response.calendarHours.median)} calendar`} />
      <Figure label="Resolution (median)" value={hours(t.resolution.businessHours.median)} light={l.resolutionMedianHours} hint={`${hours(t.resolution.calendarHours.median)} calendar`} />
      <Figure label="SLA attainment" value={percent(overall(report))} light={l.slaAttainment} />
      <Figure label={`Repeat contacts (${report.repeatContact.days} days)`} value={percent(report.repeatContact.rate)} light={l.repeatContactRate} hint={`${report.repeatContact.returned} of ${report.repeatContact.resolved} resolved`} />
      <Figure label="CSAT satisfied" value={percent(report.csat.overall.satisfied)} light={l.csatSatisfied} hint={`${report.csat.overall.answered} answers`} />
    </div>
  );
}

function overall(report: Report): number | null {
  const met = report.sla.reduce((n, r) => n + r.met, 0);
  const done = met + report.sla.reduce((n, r) => n + r.breached, 0);
  return done ? Math.round((met / done) * 1000) / 10 : null;
}

function Reports() {
  const { me } = useSession();
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [query, setQuery] = useState<ReportQuery | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  useEffect(() => {
    reportsApi.settings().then((s) => {
      setSettings(s);
      setQuery({ ...presetRange('7', s.timeZone), bucket: 'day' });
    }, (err: unknown) => setError(errorMessage(err)));
  }, []);
  useEffect(() => {
    if (!query) return;
    setError(null);
    reportsApi.report(query).then(setReport, (err: unknown) => setError(errorMessage(err)));
  }, [query]);

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Reports</h1>
        {isAdmin(me) && settings && !editing && (
          <button type="button" className="button" onClick={() => setEditing(true)}>
            Thresholds
          </button>
        )}
      </div>
      {settings && query && <RangePicker query={query} timeZone={settings.timeZone} onChange={setQuery} />}
      {query && <DownloadLinks what="this report" url={(file) => exportApi.reportUrl(file, query)} disabled={!report} />}
      {editing && settings && (
        <ThresholdsForm
          settings={settings}
          onCancel={() => setEditing(false)}
          onSaved={(s) => {
            setSettings(s);
            setEditing(false);
            setQuery((q) => (q ? { ...q } : q));
          }}
        />
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {!report && !error && <p className="dim">Loading…</p>}
      {report && (
        <div className="report" data-from={report.range.from} data-to={report.range.to}>
          <p className="dim report-caption">
            {report.range.from === report.range.to ? report.range.from : `${report.range.from} to ${report.range.to}`} ({report.range.timeZone}); business hours from “{report.calendar.name}”.
          </p>
          <Headlines report={report} />
          <VolumeSection report={report} />
          <Section title="Response times">
            <ResponseTimesTable times={report.responseTimes} caption="Response times" />
          </Section>
          <SlaSection report={report} />
          <ComplaintsSection report={report} />
          <CsatSection report={report} />
          <AgentsSection report={report} />
        </div>
      )}
    </>
  );
}

export function ReportsPage({ onHelp }: { onHelp(): void }) {
  const { me } = useSession();
  return (
    <SettingsPage active="reports" testId="reports-page" allowed={isSupervisor(me)} denied="Reports are for supervisors and admins." onHelp={onHelp}>
      <Reports />
    </SettingsPage>
  );
}
