// The workspace's conversation statuses: everyone lists them (in menu order); admins add new ones,
// appended at the end. An automatic move must name a status that exists.
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import type { StatusDef } from './status-definitions.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export async function listStatusDefinitions(db: Db, viewer: Viewer) {
  return db.statusDefinition.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { position: 'asc' } });
}

export async function createStatusDefinition(db: Db, viewer: Viewer, input: StatusDef) {
  requireAdmin(viewer, 'define statuses');
  const key = (k: string) => ({ workspaceId_key: { workspaceId: viewer.workspaceId, key: k } });
  await assertRefsInWorkspace(db, viewer.workspaceId, refOf('status', 'autoToKey', input.autoToKey), 'status');
  if (await db.statusDefinition.findUnique({ where: key(input.key) })) throw new AppError('conflict', `Status "${input.key}" exists already`);
  const position = await db.statusDefinition.count({ where: { workspaceId: viewer.workspaceId } });
  return db.statusDefinition.create({ data: { ...input, workspaceId: viewer.workspaceId, position } });
}
