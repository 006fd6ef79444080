// Reading the workspace's SLA configuration: policies (for supervisors) in the order they are
// tried, and business calendars (for everyone, e.g. to show office hours).
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';

export async function listSlaPolicies(db: Db, viewer: Viewer) {
  requireSupervisor(viewer, 'read SLA policies');
  return db.slaPolicy.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: [{ position: 'asc' }, { name: 'asc' }] });
}

export async function listBusinessCalendars(db: Db, viewer: Viewer) {
  return db.businessCalendar.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { name: 'asc' } });
}
