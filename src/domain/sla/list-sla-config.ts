// Reading the workspace's SLA configuration: policies (for supervisors) in the order they are
// tried, and business calendars (for everyone, e.g. to show office hours).
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { toCalendarView, toSlaPolicyView, type CalendarView, type SlaPolicyView } from './sla-config-view.ts';

export async function listSlaPolicies(db: Db, viewer: Viewer): Promise<SlaPolicyView[]> {
  requireSupervisor(viewer, 'read SLA policies');
  const rows = await db.slaPolicy.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  return rows.map(toSlaPolicyView);
}

export async function listBusinessCalendars(db: Db, viewer: Viewer): Promise<CalendarView[]> {
  const rows = await db.businessCalendar.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { name: 'asc' } });
  return rows.map(toCalendarView);
}
