// Which business calendar the report counts business hours in: the one asked for, else the
// calendar of the first active SLA policy that has one, else the workspace's first calendar; with
// none at all every hour is a business hour. Its open time over the measured span comes from the
// SLA's own arithmetic (openIntervals), so reports and SLA clocks agree on what "open" means.
import type { Db } from '../../db/client.ts';
import { openIntervals } from '../sla/business-time.ts';
import { alwaysOpenCalendar, parseCalendar, type BusinessCalendar } from '../sla/calendar.ts';
import { assertRefsInWorkspace } from '../workspace-refs.ts';
import { ALWAYS, multirangeLiteral } from './report-sql.ts';

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

/** The calendar's open time in [from, to) as a tsmultirange literal. */
export function openTimeLiteral(cal: BusinessCalendar, from: Date, to: Date): string {
  if (cal.alwaysOpen) return ALWAYS;
  return multirangeLiteral(openIntervals(cal, from, to));
}
