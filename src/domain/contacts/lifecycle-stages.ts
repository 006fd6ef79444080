// A workspace's lifecycle stages, in order: what Contact.lifecycleStage may hold. Workspaces start
// with the five below (seeded at creation, and by the customer_360 migration for older ones).
import type { Db, Tx } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { toLifecycleStageView, type LifecycleStageView } from './lifecycle-stage-view.ts';

export type { LifecycleStageView };

export const defaultLifecycleStages = ['attraction', 'interest', 'evaluation', 'purchase', 'loyalty'] as const;

export async function seedLifecycleStages(tx: Tx, workspaceId: string): Promise<void> {
  await tx.lifecycleStage.createMany({ data: defaultLifecycleStages.map((name, position) => ({ workspaceId, name, position })), skipDuplicates: true });
}

/** The stages in order, each with how many contacts are in it (the settings page asks before removing one in use). */
export async function listLifecycleStages(db: Db | Tx, workspaceId: string): Promise<LifecycleStageView[]> {
  const [stages, counts] = await Promise.all([
    db.lifecycleStage.findMany({ where: { workspaceId }, orderBy: { position: 'asc' } }),
    db.contact.groupBy({ by: ['lifecycleStage'], where: { workspaceId, lifecycleStage: { not: null } }, _count: { _all: true } }),
  ]);
  const byName = new Map(counts.map((c) => [c.lifecycleStage, c._count._all]));
  return stages.map((s) => toLifecycleStageView(s, byName.get(s.name) ?? 0));
}

/** Refuses a stage that is not in the workspace's list (400 naming the field and the stages there are). */
export async function assertLifecycleStage(db: Db | Tx, workspaceId: string, name: string): Promise<void> {
  const stages = await db.lifecycleStage.findMany({ where: { workspaceId }, orderBy: { position: 'asc' }, select: { name: true } });
  if (stages.some((s) => s.name === name)) return;
  const known = stages.map((s) => s.name).join(', ') || 'none defined';
  throw new AppError('bad_request', `lifecycleStage: "${name}" is not one of this workspace's stages (${known})`, { details: [{ path: 'lifecycleStage', message: `not a stage: ${known}` }] });
}
