// The routing workflow names its queues; when a queue is renamed, every step that named it is
// rewritten in the same transaction, so routing never meets a name that no longer exists.
import type { Tx } from '../../db/client.ts';
import { defaultWorkflow } from './load-workflow.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';

function renamed(wf: Workflow, from: string, to: string): Workflow {
  const steps = (f: Workflow['fallback']) => f.steps.map((s) => (s.queue === from ? { ...s, queue: to } : s));
  return { ...wf, filters: wf.filters.map((f) => ({ ...f, steps: steps(f) })), fallback: { ...wf.fallback, steps: steps(wf.fallback) } };
}

export async function renameQueueInWorkflow(tx: Tx, input: { workspaceId: string; from: string; to: string; agentId: string }): Promise<boolean> {
  const row = await tx.routingWorkflow.findUnique({ where: { workspaceId: input.workspaceId } });
  // No saved workflow: the default one (everything to General) is what routing uses.
  const before = row ? workflowSchema.parse(row.definition) : defaultWorkflow;
  const after = renamed(before, input.from, input.to);
  if (JSON.stringify(after) === JSON.stringify(before)) return false;
  const definition = after as object;
  await tx.routingWorkflow.upsert({
    where: { workspaceId: input.workspaceId },
    create: { workspaceId: input.workspaceId, definition, updatedById: input.agentId },
    update: { definition, updatedById: input.agentId, version: { increment: 1 } },
  });
  return true;
}
