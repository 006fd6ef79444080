// Which business calendar the report counts business hours in: the one asked for, else the
// calendar of the first active SLA policy that has one, else the workspace's first calendar; with
// none at all every hour is a business hour. Its open time over the measured span comes from the
// SLA's own arithmetic (openIntervals), so reports and SLA clocks agree on what "open" means.
import type { Db } from '../../db/client.ts';
import { openIntervals } from '../sla/business-time.ts';
import { alwaysOpenCalendar, parseCalendar, type BusinessCalendar } from '../sla/calendar.ts';
import { assertRefsInWorkspace } from '../workspace-refs.ts';

export interface ReportCalendar {
  id: string | null;
  name: string;
  calendar: BusinessCalendar;
}

export async function chooseReportCalendar(db: Db, workspaceId: string, calendarId: string | undefined): Promise<ReportCalendar> {
  if (calendarId) await assertRefsInWorkspace(db, workspaceId, [{ kind: 'calendar', path: 'calendarId', id: calendarId }], 'query');
  const row = calendarId
    ? await db.businessCalendar.findFirst({ where: { id: calendarId, workspaceId } })
    : ((await db.slaPolicy.findFirst({ where: { workspaceId, active: true, calendarId: { not: null } }, orderBy: [{ position: 'asc' }, { id: 'asc' }], include: { calendar: true } }))?.calendar ??
      (await db.businessCalendar.findFirst({ where: { workspaceId }, orderBy: { name: 'asc' } })));
  if (!row) return { id: null, name: 'Always open (no business calendar)', calendar: alwaysOpenCalendar };
  return { id: row.id, name: row.name, calendar: parseCalendar({ timeZone: row.timeZone, weeklyHours: row.weeklyHours, holidays: row.holidays ?? [] }) };
}

/**
 * The calendar's open spans in [from, to) as the arrays businessSeconds (report-sql.ts) binds:
 * for span k, its start (epoch seconds), offset = open seconds before it minus its start, and the
 * open seconds up to its end. For t in span k or the closed time after it (starts[k] <= t <
 * starts[k+1]) the open seconds up to t are least(t + offsets[k], openAtEnd[k]). A first span far
 * in the past with no open time covers every t before the real ones.
 */
export interface OpenTime {
  starts: number[];
  offsets: number[];
  openAtEnd: number[];
}

const BEFORE_ALL = -1e12;

export function openTime(cal: BusinessCalendar, from: Date, to: Date): OpenTime {
  const out: OpenTime = { starts: [BEFORE_ALL], offsets: [-BEFORE_ALL], openAtEnd: [0] };
  // Always open: one span from 1970 on, so business time equals calendar time.
  const spans = cal.alwaysOpen ? [{ start: new Date(0), end: new Date(1e14) }] : openIntervals(cal, from, to);
  let before = 0;
  for (const span of spans) {
    const start = span.start.getTime() / 1000;
    const end = span.end.getTime() / 1000;
    out.starts.push(start);
    out.offsets.push(before - start);
    before += end - start;
    out.openAtEnd.push(before);
  }
  return out;
}
