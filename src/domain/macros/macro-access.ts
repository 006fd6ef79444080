// Which macros a viewer reaches: the workspace's shared ones and their own personal ones. Anything
// else (another workspace's, someone else's personal macro) reads as not found.
import type { Db, Prisma, Tx } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { macroInclude } from './macro-view.ts';

export const visibleMacrosWhere = (v: Viewer): Prisma.MacroWhereInput => ({ workspaceId: v.workspaceId, OR: [{ ownerId: null }, { ownerId: v.agentId }] });

export async function loadVisibleMacro(db: Db | Tx, viewer: Viewer, id: string) {
  const macro = await db.macro.findFirst({ where: { AND: [{ id }, visibleMacrosWhere(viewer)] }, include: macroInclude });
  if (!macro) throw notFound('Macro');
  return macro;
}
