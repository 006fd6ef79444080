// The workspace's routing queues: every agent may list them; admins create and change them.
import type { Db, RoutingMode } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';

export interface QueueInput {
  name: string;
  teamId?: string | null;
  mode: RoutingMode;
  offerTimeoutSeconds: number;
}

export async function listQueues(db: Db, viewer: Viewer) {
  return db.queue.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { name: 'asc' } });
}

export async function createQueue(db: Db, viewer: Viewer, input: QueueInput) {
  requireAdmin(viewer, 'create queues');
  const exists = await db.queue.findUnique({ where: { workspaceId_name: { workspaceId: viewer.workspaceId, name: input.name } } });
  if (exists) throw new AppError('conflict', `A queue named "${input.name}" exists already`);
  return db.queue.create({ data: { ...input, workspaceId: viewer.workspaceId } });
}

export async function updateQueue(db: Db, viewer: Viewer, queueId: string, patch: Partial<QueueInput>) {
  requireAdmin(viewer, 'change queues');
  const queue = await db.queue.findFirst({ where: { id: queueId, workspaceId: viewer.workspaceId } });
  if (!queue) throw notFound('Queue');
  return db.queue.update({ where: { id: queue.id }, data: patch });
}
