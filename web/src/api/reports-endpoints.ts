// The API calls of the Reports page.
import { request } from './client.ts';
import type { Report, ReportQuery, ReportSettings, ReportSettingsBody } from './types.ts';

export const reportsApi = {
  report: (q: ReportQuery) => {
    const search = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
    return request<Report>('GET', `/api/reports?${search}`);
  },
  settings: () => request<ReportSettings>('GET', '/api/reports/settings'),
  saveSettings: (body: ReportSettingsBody) => request<ReportSettings>('PUT', '/api/reports/settings', body),
};
