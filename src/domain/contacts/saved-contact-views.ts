// Saved views of the contacts list: a name and a filter set, the agent's own or shared with the
// workspace. Everyone sees their own and the shared ones; only the one who saved a view changes or
// deletes it. Ids in the filters must be the workspace's.
import type { Db } from '../../db/client.ts';
import { notFound, forbidden } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';
import { toSavedContactViewView, type ContactListFilters, type SavedContactViewView } from './contact-list-view.ts';

export interface SavedContactViewInput {
  name: string;
  shared: boolean;
  filters: ContactListFilters;
}

async function checkFilterRefs(db: Db, viewer: Viewer, f: ContactListFilters): Promise<void> {
  const owner = f.ownerId === 'me' || f.ownerId === 'none' ? undefined : f.ownerId;
  await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('agent', 'filters.ownerId', owner), ...refOf('organisation', 'filters.organisationId', f.organisationId)], 'view');
}

export async function listSavedContactViews(db: Db, viewer: Viewer): Promise<SavedContactViewView[]> {
  const rows = await db.savedContactView.findMany({
    where: { workspaceId: viewer.workspaceId, OR: [{ agentId: viewer.agentId }, { shared: true }] },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((v) => toSavedContactViewView(v, viewer.agentId));
}

export async function createSavedContactView(db: Db, viewer: Viewer, input: SavedContactViewInput): Promise<SavedContactViewView> {
  await checkFilterRefs(db, viewer, input.filters);
  const row = await db.savedContactView.create({ data: { workspaceId: viewer.workspaceId, agentId: viewer.agentId, name: input.name, shared: input.shared, filters: input.filters as object } });
  return toSavedContactViewView(row, viewer.agentId);
}

async function loadOwnView(db: Db, viewer: Viewer, id: string) {
  const view = await db.savedContactView.findFirst({ where: { id, workspaceId: viewer.workspaceId, OR: [{ agentId: viewer.agentId }, { shared: true }] } });
  if (!view) throw notFound('Saved view');
  if (view.agentId !== viewer.agentId) throw forbidden('Only the agent who saved a view may change or delete it');
  return view;
}

export async function updateSavedContactView(db: Db, viewer: Viewer, id: string, input: Partial<SavedContactViewInput>): Promise<SavedContactViewView> {
  await loadOwnView(db, viewer, id);
  if (input.filters) await checkFilterRefs(db, viewer, input.filters);
  const row = await db.savedContactView.update({
    where: { id },
    data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(input.shared !== undefined ? { shared: input.shared } : {}), ...(input.filters ? { filters: input.filters as object } : {}) },
  });
  return toSavedContactViewView(row, viewer.agentId);
}

export async function deleteSavedContactView(db: Db, viewer: Viewer, id: string): Promise<void> {
  await loadOwnView(db, viewer, id);
  await db.savedContactView.delete({ where: { id } });
}
