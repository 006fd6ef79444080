// The queries /api/exports/* validate. `from` and `to` take a day (2026-12-01, UTC; `to` includes
// the whole day) or an ISO 8601 instant with its offset (`to` excluded). Zod only (src/contract).
import { z } from 'zod';
import { statusList } from './conversations.ts';
import { reportQuery } from './reports.ts';

const DAY_MS = 86_400_000;
const day = /^\d{4}-\d{2}-\d{2}$/;

const bound = (end: 'from' | 'to') =>
  z
    .union([z.string().regex(day, 'a day as YYYY-MM-DD'), z.iso.datetime({ offset: true })], { error: 'a day (YYYY-MM-DD) or an ISO 8601 date-time with offset' })
    .transform((s, ctx) => {
      const at = new Date(day.test(s) ? `${s}T00:00:00.000Z` : s);
      if (Number.isNaN(at.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'not a real date' });
        return z.NEVER;
      }
      return end === 'to' && day.test(s) ? new Date(at.getTime() + DAY_MS) : at;
    })
    .optional();

const range = { from: bound('from'), to: bound('to') };
const inOrder = (q: { from?: Date; to?: Date }) => !q.from || !q.to || q.from < q.to;
const orderProblem = { message: '`from` must be before `to`', path: ['to'] };
/** The JSON exports write an array unless NDJSON (one object per line) is asked for. */
const jsonFormat = { format: z.enum(['json', 'ndjson']).default('json') };
const conversationFields = { ...range, status: statusList, include: z.enum(['messages']).optional() };

export const contactCsvExportQuery = z.strictObject(range).refine(inOrder, orderProblem);
export const contactJsonExportQuery = z.strictObject({ ...range, ...jsonFormat }).refine(inOrder, orderProblem);
export const conversationCsvExportQuery = z.strictObject(conversationFields).refine(inOrder, orderProblem);
export const conversationJsonExportQuery = z.strictObject({ ...conversationFields, ...jsonFormat }).refine(inOrder, orderProblem);

/** The report export takes GET /api/reports' query (from, to, bucket, repeatDays, calendarId). */
export const reportCsvExportQuery = reportQuery.strict();
export const reportJsonExportQuery = reportQuery.extend(jsonFormat).strict();
