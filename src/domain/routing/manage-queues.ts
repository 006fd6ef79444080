// The workspace's routing queues: every agent may list them; admins create and change them. A
// change touches only the fields given; a queue's team must be one of the workspace's active teams
// (workspace-refs.ts), and a renamed queue keeps its place in the routing workflow (which names queues).
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import type { RoutingMode } from '../../db/client.ts';
import { renameQueueInWorkflow } from './rename-queue-in-workflow.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export interface QueueInput {
  name: string;
  teamId?: string | null;
  mode: RoutingMode;
  offerTimeoutSeconds: number;
}

export async function listQueues(db: Db, viewer: Viewer) {
  return db.queue.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { name: 'asc' } });
}

// A queue's team decides who sees what it routes and whose lead hears of its breaches: a team of
// the workspace, and an active one unless the queue has it already.
const checkTeam = (db: Db, viewer: Viewer, teamId: string | null | undefined, current: string | null = null) =>
  assertRefsInWorkspace(db, viewer.workspaceId, refOf('team', 'teamId', teamId, { active: teamId !== current }), 'queue');

async function checkName(db: Db, viewer: Viewer, name: string | undefined, exceptId?: string) {
  if (name === undefined) return;
  const exists = await db.queue.findUnique({ where: { workspaceId_name: { workspaceId: viewer.workspaceId, name } } });
  if (exists && exists.id !== exceptId) throw new AppError('conflict', `A queue named "${name}" exists already`, { details: [{ path: 'name', message: 'another queue has this name' }] });
}

export async function createQueue(db: Db, viewer: Viewer, input: QueueInput) {
  requireAdmin(viewer, 'create queues');
  await checkName(db, viewer, input.name);
  await checkTeam(db, viewer, input.teamId);
  const queue = await db.queue.create({ data: { ...input, workspaceId: viewer.workspaceId } });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'queue.create', targetType: 'queue', targetId: queue.id, data: { ...input } });
  return queue;
}

export async function updateQueue(db: Db, viewer: Viewer, queueId: string, patch: Partial<QueueInput>) {
  requireAdmin(viewer, 'change queues');
  const queue = await db.queue.findFirst({ where: { id: queueId, workspaceId: viewer.workspaceId } });
  if (!queue) throw notFound('Queue');
  await checkName(db, viewer, patch.name, queue.id);
  await checkTeam(db, viewer, patch.teamId, queue.teamId);
  return db.$transaction(async (tx) => {
    const updated = await tx.queue.update({ where: { id: queue.id }, data: patch });
    if (patch.name !== undefined && patch.name !== queue.name) await renameQueueInWorkflow(tx, { workspaceId: viewer.workspaceId, from: queue.name, to: patch.name, agentId: viewer.agentId });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'queue.update', targetType: 'queue', targetId: queue.id, data: { ...patch } });
    return updated;
  });
}
