// GET /api/exports/report.(csv|json): the report of GET /api/reports for the same query, one row
// per figure (report-figures.ts). Supervisors and admins only; audited like every export.
import type { Deps } from '../../deps.ts';
import type { Viewer } from '../auth/viewer.ts';
import { buildReport, type ReportQuery } from '../reports/build-report.ts';
import { reportFigureColumns, reportFigures } from './report-figures.ts';
import { startExport, type ExportDownload } from './start-export.ts';
import { streamRows, type ExportFormat } from './stream-rows.ts';

export async function exportReport(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer, query: ReportQuery & { format: ExportFormat }): Promise<ExportDownload> {
  const { format, ...q } = query;
  // buildReport checks the role; the figures are a few thousand rows at most, computed in SQL.
  const report = await buildReport(deps.db, viewer, q, deps.clock.now());
  async function* rows() {
    yield* reportFigures(report);
  }
  return startExport(deps, viewer, {
    what: 'report',
    format,
    filters: { from: q.from, to: q.to, bucket: q.bucket, repeatDays: q.repeatDays, calendarId: q.calendarId ?? null },
    open: async () => streamRows(rows(), reportFigureColumns, format),
  });
}
