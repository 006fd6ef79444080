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

/** The calendar's open spans in [from, to) as the arrays businessSeconds (report-sql.ts) binds (epoch seconds). */
export interface OpenTime {
  starts: number[];
  ends: number[];
  /** Open seconds before each span. */
  cum: number[];
}

/** Always open: one span from 1970 on, so business time equals calendar time. */
const ALWAYS_OPEN: OpenTime = { starts: [0], ends: [1e11], cum: [0] };

export function openTime(cal: BusinessCalendar, from: Date, to: Date): OpenTime {
  if (cal.alwaysOpen) return ALWAYS_OPEN;
  const out: OpenTime = { starts: [], ends: [], cum: [] };
  let before = 0;
  for (const span of openIntervals(cal, from, to)) {
    const start = span.start.getTime() / 1000;
    const end = span.end.getTime() / 1000;
    out.starts.push(start);
    out.ends.push(end);
    out.cum.push(before);
    before += end - start;
  }
  // No open time at all: one empty span keeps the arrays well-formed (every duration is 0).
  return out.starts.length ? out : { starts: [0], ends: [0], cum: [0] };
}
