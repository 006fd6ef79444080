// The macros a viewer may apply: the workspace's shared ones and their own, by name.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';
import { visibleMacrosWhere } from './macro-access.ts';
import { macroInclude, toMacroView, type MacroView } from './macro-view.ts';

export async function listMacros(db: Db, viewer: Viewer): Promise<MacroView[]> {
  const rows = await db.macro.findMany({ where: visibleMacrosWhere(viewer), include: macroInclude, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
  return rows.map(toMacroView);
}
