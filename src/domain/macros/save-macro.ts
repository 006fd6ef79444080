// Creates, changes and deletes macros (supervisors and admins; a personal macro is its owner's).
// Every agent, team and status an action names must be the workspace's and usable now, and a
// macro cannot snooze (that needs a time): refused at save with the action's field named.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import { validationFailed, type FieldProblem } from '../parse-input.ts';
import { assertRefsInWorkspace, refOf, type WorkspaceRef } from '../workspace-refs.ts';
import type { MacroAction } from './macro-schema.ts';
import { loadVisibleMacro } from './macro-access.ts';
import { macroInclude, toMacroView, type MacroView } from './macro-view.ts';

export interface MacroInput {
  name: string;
  shared: boolean;
  actions: MacroAction[];
}

export async function createMacro(db: Db, viewer: Viewer, input: MacroInput): Promise<MacroView> {
  requireSupervisor(viewer, 'write macros');
  await assertActionsUsable(db, viewer.workspaceId, input.actions);
  const row = await db.$transaction(async (tx) => {
    const row = await tx.macro.create({ data: { workspaceId: viewer.workspaceId, name: input.name, ownerId: input.shared ? null : viewer.agentId, actions: input.actions }, include: macroInclude });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'macro.create', targetType: 'macro', targetId: row.id, data: { name: row.name, shared: input.shared, actions: input.actions.map((a) => a.type) } });
    return row;
  });
  return toMacroView(row);
}

export async function updateMacro(db: Db, viewer: Viewer, id: string, input: Partial<MacroInput>): Promise<MacroView> {
  requireSupervisor(viewer, 'write macros');
  await loadVisibleMacro(db, viewer, id);
  if (input.actions) await assertActionsUsable(db, viewer.workspaceId, input.actions);
  const row = await db.$transaction(async (tx) => {
    const row = await tx.macro.update({
      where: { id },
      data: {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.shared !== undefined ? { ownerId: input.shared ? null : viewer.agentId } : {}),
        ...(input.actions !== undefined ? { actions: input.actions } : {}),
      },
      include: macroInclude,
    });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'macro.update', targetType: 'macro', targetId: id, data: { fields: Object.keys(input) } });
    return row;
  });
  return toMacroView(row);
}

export async function deleteMacro(db: Db, viewer: Viewer, id: string): Promise<void> {
  requireSupervisor(viewer, 'delete macros');
  const existing = await loadVisibleMacro(db, viewer, id);
  await db.$transaction(async (tx) => {
    await tx.macro.delete({ where: { id } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'macro.delete', targetType: 'macro', targetId: id, data: { name: existing.name } });
  });
}

async function assertActionsUsable(db: Db, workspaceId: string, actions: MacroAction[]): Promise<void> {
  const refs: WorkspaceRef[] = actions.flatMap((a, i) => {
    if (a.type === 'assign') return [...refOf('agent', `actions.${i}.assigneeId`, a.assigneeId, { active: true }), ...refOf('team', `actions.${i}.teamId`, a.teamId, { active: true })];
    if (a.type === 'setStatus') return refOf('status', `actions.${i}.statusKey`, a.statusKey);
    return [];
  });
  await assertRefsInWorkspace(db, workspaceId, refs, 'macro');
  const keys = actions.flatMap((a, i) => (a.type === 'setStatus' ? [{ key: a.statusKey, path: `actions.${i}.statusKey` }] : []));
  if (keys.length === 0) return;
  const snoozing = new Set((await db.statusDefinition.findMany({ where: { workspaceId, key: { in: keys.map((k) => k.key) }, category: 'snoozed' }, select: { key: true } })).map((s) => s.key));
  const problems: FieldProblem[] = keys.filter((k) => snoozing.has(k.key)).map((k) => ({ path: k.path, message: `a macro cannot snooze ("${k.key}" needs a time to wake up)` }));
  if (problems.length) throw validationFailed(problems, 'macro');
}
