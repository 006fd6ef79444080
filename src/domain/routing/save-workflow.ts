// Saves a workspace's routing workflow after checking it against the schema and against the
// workspace itself: every queue, skill and team it names must exist. Every problem is reported
// at its field's path, so the editor can show it next to that field.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { parseOr422, validationFailed, type FieldProblem } from '../parse-input.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';
import type { RoutingWorkflowView } from './workflow-view.ts';
import { refOf, refsOf, workspaceRefProblems, type WorkspaceRef } from '../workspace-refs.ts';

export async function workflowProblems(db: Db, workspaceId: string, wf: Workflow): Promise<FieldProblem[]> {
  const refs: WorkspaceRef[] = [];
  const filters = [...wf.filters.map((f, i) => ({ f, teamIds: f.when.teamId, where: `filters.${i}` })), { f: wf.fallback, teamIds: undefined, where: 'fallback' }];
  for (const { f, teamIds, where } of filters) {
    refs.push(...refsOf('team', `${where}.when.teamId`, teamIds));
    f.steps.forEach((s, j) => {
      const step = `${where}.steps.${j}`;
      refs.push(...refOf('queueName', `${step}.queue`, s.queue));
      refs.push(...s.requirement.skills.map((r, k) => ({ kind: 'skill' as const, path: `${step}.requirement.skills.${k}.skill`, id: r.skill })));
      refs.push(...refOf('team', `${step}.requirement.teamId`, s.requirement.teamId));
    });
  }
  return workspaceRefProblems(db, workspaceId, refs);
}

export async function saveWorkflow(db: Db, viewer: Viewer, input: unknown): Promise<RoutingWorkflowView & { updatedAt: string }> {
  requireAdmin(viewer, 'change the routing workflow');
  const workflow = parseOr422(workflowSchema, input, 'workflow');
  const problems = await workflowProblems(db, viewer.workspaceId, workflow);
  if (problems.length) throw validationFailed(problems, 'workflow');
  const saved = await db.routingWorkflow.upsert({
    where: { workspaceId: viewer.workspaceId },
    create: { workspaceId: viewer.workspaceId, definition: workflow as object, updatedById: viewer.agentId },
    update: { definition: workflow as object, updatedById: viewer.agentId, version: { increment: 1 } },
  });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'routing.workflow.save', targetType: 'routing_workflow', targetId: saved.id, data: { version: saved.version } });
  return { definition: workflow, version: saved.version, updatedAt: saved.updatedAt.toISOString() };
}
