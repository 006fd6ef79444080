// Admins edit the stage list: add, rename (the contacts in the stage follow), reorder, and remove
// (a stage in use needs `moveTo`: another stage, or null to clear it from those contacts). Audited.
import { Prisma, type Db, type Tx } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireRole, type Viewer } from '../auth/viewer.ts';
import { listLifecycleStages, type LifecycleStageView } from './lifecycle-stages.ts';

const audit = (tx: Tx, viewer: Viewer, action: string, targetId: string, data: Record<string, unknown>) =>
  recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action, targetType: 'lifecycle_stage', targetId, data });

async function loadStage(db: Db | Tx, viewer: Viewer, id: string) {
  const stage = await db.lifecycleStage.findFirst({ where: { id, workspaceId: viewer.workspaceId } });
  if (!stage) throw notFound('Lifecycle stage');
  return stage;
}

function duplicateName(err: unknown, name: string): AppError | null {
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== 'P2002') return null;
  return new AppError('conflict', `name: a stage named "${name}" exists already`, { cause: err });
}

/** Adds a stage at the end, or at `position` (0 = first). */
export async function createLifecycleStage(db: Db, viewer: Viewer, input: { name: string; position?: number }): Promise<LifecycleStageView[]> {
  requireRole(viewer, 'admin', 'edit lifecycle stages');
  try {
    await db.$transaction(async (tx) => {
      const ids = (await tx.lifecycleStage.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { position: 'asc' }, select: { id: true } })).map((s) => s.id);
      const row = await tx.lifecycleStage.create({ data: { workspaceId: viewer.workspaceId, name: input.name, position: ids.length } });
      ids.splice(Math.min(input.position ?? ids.length, ids.length), 0, row.id);
      await writeOrder(tx, ids);
      await audit(tx, viewer, 'lifecycle_stage.create', row.id, { name: row.name });
    });
  } catch (err) {
    throw duplicateName(err, input.name) ?? err;
  }
  return listLifecycleStages(db, viewer.workspaceId);
}

/** Renames a stage; every contact in it is moved to the new name in the same transaction. */
export async function renameLifecycleStage(db: Db, viewer: Viewer, id: string, name: string): Promise<LifecycleStageView[]> {
  requireRole(viewer, 'admin', 'edit lifecycle stages');
  const stage = await loadStage(db, viewer, id);
  try {
    await db.$transaction(async (tx) => {
      await tx.lifecycleStage.update({ where: { id }, data: { name } });
      const moved = await tx.contact.updateMany({ where: { workspaceId: viewer.workspaceId, lifecycleStage: stage.name }, data: { lifecycleStage: name } });
      await audit(tx, viewer, 'lifecycle_stage.rename', id, { from: stage.name, to: name, contacts: moved.count });
    });
  } catch (err) {
    throw duplicateName(err, name) ?? err;
  }
  return listLifecycleStages(db, viewer.workspaceId);
}

/** Puts the stages in this order; `ids` must name every stage of the workspace exactly once. */
export async function reorderLifecycleStages(db: Db, viewer: Viewer, ids: string[]): Promise<LifecycleStageView[]> {
  requireRole(viewer, 'admin', 'edit lifecycle stages');
  await db.$transaction(async (tx) => {
    const existing = (await tx.lifecycleStage.findMany({ where: { workspaceId: viewer.workspaceId }, select: { id: true } })).map((s) => s.id);
    const same = ids.length === existing.length && new Set(ids).size === ids.length && ids.every((i) => existing.includes(i));
    if (!same) throw new AppError('bad_request', `ids: give every stage of the workspace exactly once (${existing.length} stages)`, { details: [{ path: 'ids', message: 'not the workspace\'s stages' }] });
    await writeOrder(tx, ids);
    await audit(tx, viewer, 'lifecycle_stage.reorder', viewer.workspaceId, { ids });
  });
  return listLifecycleStages(db, viewer.workspaceId);
}

/**
 * Removes a stage. When contacts are in it the caller must say where they go: `moveTo` another
 * stage's id, or null to clear their stage; without it the answer is a 409 that counts them.
 */
export async function removeLifecycleStage(db: Db, viewer: Viewer, id: string, moveTo: string | null | undefined): Promise<LifecycleStageView[]> {
  requireRole(viewer, 'admin', 'edit lifecycle stages');
  const stage = await loadStage(db, viewer, id);
  const target = moveTo ? await loadStage(db, viewer, moveTo) : null;
  if (target?.id === id) throw new AppError('bad_request', 'moveTo: move the contacts to another stage than the one removed');
  await db.$transaction(async (tx) => {
    const inUse = await tx.contact.count({ where: { workspaceId: viewer.workspaceId, lifecycleStage: stage.name } });
    if (inUse > 0 && moveTo === undefined) {
      throw new AppError('conflict', `${inUse} contact${inUse === 1 ? ' is' : 's are'} in "${stage.name}": say which stage they move to (moveTo), or none`, { details: { contacts: inUse } });
    }
    const moved = await tx.contact.updateMany({ where: { workspaceId: viewer.workspaceId, lifecycleStage: stage.name }, data: { lifecycleStage: target?.name ?? null } });
    await tx.lifecycleStage.delete({ where: { id } });
    const rest = (await tx.lifecycleStage.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { position: 'asc' }, select: { id: true } })).map((s) => s.id);
    await writeOrder(tx, rest);
    await audit(tx, viewer, 'lifecycle_stage.delete', id, { name: stage.name, movedTo: target?.name ?? null, contacts: moved.count });
  });
  return listLifecycleStages(db, viewer.workspaceId);
}

async function writeOrder(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const [position, id] of ids.entries()) await tx.lifecycleStage.update({ where: { id }, data: { position } });
}
