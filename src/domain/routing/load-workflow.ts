// The workspace's routing workflow, or the default one (everything to the General queue, anyone).
import type { Db, Tx } from '../../db/client.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';

export const GENERAL_QUEUE = 'General';

export const defaultWorkflow: Workflow = workflowSchema.parse({
  filters: [],
  fallback: { name: 'everyone', steps: [{ queue: GENERAL_QUEUE, timeoutSeconds: 600 }] },
});

export async function loadWorkflow(db: Db | Tx, workspaceId: string): Promise<{ workflow: Workflow; version: number }> {
  const row = await db.routingWorkflow.findUnique({ where: { workspaceId } });
  if (!row) return { workflow: defaultWorkflow, version: 0 };
  return { workflow: workflowSchema.parse(row.definition), version: row.version };
}

export async function queueByName(db: Db | Tx, workspaceId: string, name: string) {
  const queue = await db.queue.findUnique({ where: { workspaceId_name: { workspaceId, name } } });
  if (queue) return queue;
  if (name !== GENERAL_QUEUE) throw new Error(`routing workflow names queue "${name}", which does not exist`);
  return db.queue.upsert({ where: { workspaceId_name: { workspaceId, name } }, create: { workspaceId, name }, update: {} });
}
