// The API calls of privacy: a contact's export link and erasure, retention settings, the audit log.
import { request } from './client.ts';
import type { AuditPage, AuditQuery, EraseBody, EraseResult, RetentionSettings } from './types.ts';

const enc = encodeURIComponent;

export const privacyApi = {
  /** A plain link: the browser downloads the zip with the session cookie. */
  exportUrl: (contactId: string) => `/api/contacts/${enc(contactId)}/export`,
  eraseContact: (contactId: string, body: EraseBody) => request<EraseResult>('POST', `/api/contacts/${enc(contactId)}/erase`, body),
  retention: () => request<RetentionSettings>('GET', '/api/privacy/retention'),
  saveRetention: (body: RetentionSettings) => request<RetentionSettings>('PUT', '/api/privacy/retention', body),
  audit: (q: AuditQuery) => {
    const search = new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]])));
    return request<AuditPage>('GET', `/api/audit?${search}`);
  },
};
