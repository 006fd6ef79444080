// The export downloads (docs/exports.md): plain links, so the browser streams the file to disk with
// the session cookie instead of holding it in a page.
import type { ContactExportQuery, ConversationExportQuery, ReportQuery } from './types.ts';

export type ExportFile = 'csv' | 'json';

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) q.set(key, value);
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const exportApi = {
  contactsUrl: (file: ExportFile, query: Omit<ContactExportQuery, 'format'>) => withQuery(`/api/exports/contacts.${file}`, { from: query.from, to: query.to }),
  conversationsUrl: (file: ExportFile, query: Omit<ConversationExportQuery, 'format'>) =>
    withQuery(`/api/exports/conversations.${file}`, { from: query.from, to: query.to, status: query.status, include: query.include }),
  /** The report of the same query, one row per figure. */
  reportUrl: (file: ExportFile, q: ReportQuery) =>
    withQuery(`/api/exports/report.${file}`, { from: q.from, to: q.to, bucket: q.bucket, repeatDays: q.repeatDays === undefined ? undefined : String(q.repeatDays), calendarId: q.calendarId }),
};
