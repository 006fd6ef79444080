// Saves a workspace's routing workflow after checking it against the schema and against the
// workspace itself: every queue, skill and team it names must exist. Every problem is reported
// at its field's path, so the editor can show it next to that field.
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { parseOr422, validationFailed, type FieldProblem } from '../parse-input.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';
import type { RoutingWorkflowView } from './workflow-view.ts';

export async function workflowProblems(db: Db, workspaceId: string, wf: Workflow): Promise<FieldProblem[]> {
  const [queues, skills, teams] = [
    new Set((await db.queue.findMany({ where: { workspaceId }, select: { name: true } })).map((q) => q.name)),
    new Set((await db.skill.findMany({ where: { workspaceId }, select: { name: true } })).map((s) => s.name)),
    new Set((await db.team.findMany({ where: { workspaceId }, select: { id: true } })).map((t) => t.id)),
  ];
  const problems: FieldProblem[] = [];
  const filters = [...wf.filters.map((f, i) => ({ f, teamIds: f.when.teamId ?? [], where: `filters.${i}` })), { f: wf.fallback, teamIds: [], where: 'fallback' }];
  for (const { f, teamIds, where } of filters) {
    teamIds.forEach((t, k) => {
      if (!teams.has(t)) problems.push({ path: `${where}.when.teamId.${k}`, message: `no team ${t}` });
    });
    f.steps.forEach((s, j) => {
      const step = `${where}.steps.${j}`;
      if (!queues.has(s.queue)) problems.push({ path: `${step}.queue`, message: `no queue named "${s.queue}"` });
      s.requirement.skills.forEach((r, k) => {
        if (!skills.has(r.skill)) problems.push({ path: `${step}.requirement.skills.${k}.skill`, message: `no skill named "${r.skill}"` });
      });
      if (s.requirement.teamId && !teams.has(s.requirement.teamId)) problems.push({ path: `${step}.requirement.teamId`, message: `no team ${s.requirement.teamId}` });
    });
  }
  return problems;
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
