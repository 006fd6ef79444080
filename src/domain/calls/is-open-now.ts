// Whether a channel's business calendar (named in its settings) is open at an instant. No calendar
// named means always open; a name that matches no calendar is logged and treated as open, so a
// typo never sends every caller to voicemail.
import type { Db } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import { isOpen } from '../sla/business-time.ts';
import { parseCalendar } from '../sla/calendar.ts';

export async function isOpenNow(deps: { db: Db; log: Logger }, input: { workspaceId: string; calendarName: string | undefined; at: Date }): Promise<boolean> {
  if (!input.calendarName) return true;
  const row = await deps.db.businessCalendar.findUnique({ where: { workspaceId_name: { workspaceId: input.workspaceId, name: input.calendarName } } });
  if (!row) {
    deps.log.warn({ workspaceId: input.workspaceId, calendar: input.calendarName }, 'channel names a business calendar that does not exist; treating it as open');
    return true;
  }
  return isOpen(parseCalendar({ timeZone: row.timeZone, weeklyHours: row.weeklyHours, holidays: row.holidays ?? [] }), input.at);
}
