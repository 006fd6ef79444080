// The API calls of satisfaction surveys: the settings (admins), the survey list (supervisors) and
// the public survey page's question and answer (no login).
import { request } from './client.ts';
import type { CsatAnswerBody, CsatPage, CsatSettings, CsatSettingsBody, CsatSurveys } from './types.ts';

const enc = encodeURIComponent;

export const csatApi = {
  settings: () => request<CsatSettings>('GET', '/api/settings/csat'),
  saveSettings: (body: CsatSettingsBody) => request<CsatSettings>('PUT', '/api/settings/csat', body),
  surveys: () => request<CsatSurveys>('GET', '/api/csat-surveys?limit=50'),
  page: (token: string) => request<CsatPage>('GET', `/api/csat/${enc(token)}`, undefined, { quiet401: true }),
  answer: (token: string, body: CsatAnswerBody) => request<{ score: number; workspaceName: string }>('POST', `/api/csat/${enc(token)}`, body, { quiet401: true }),
};
