// Admin → People: everyone in the workspace (invited, active, deactivated), by name.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { personViewInclude, toPersonView, type PersonView } from './person-view.ts';

export async function listPeople(db: Db, viewer: Viewer): Promise<PersonView[]> {
  requireAdmin(viewer, 'manage people');
  const rows = await db.agent.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: [{ name: 'asc' }, { id: 'asc' }], include: personViewInclude });
  return rows.map(toPersonView);
}

/** One person of the viewer's workspace as admins see them; 404 for anyone else's. */
export async function loadPerson(db: Db, viewer: Viewer, agentId: string): Promise<PersonView> {
  const row = await db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId }, include: personViewInclude });
  if (!row) throw notFound('Person');
  return toPersonView(row);
}
