// Saves a workspace's routing workflow after checking it against the schema and against the
// workspace itself: every queue, skill and team it names must exist.
import type { Db } from '../../db/client.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { workflowSchema, type Workflow } from './workflow-schema.ts';

export async function workflowProblems(db: Db, workspaceId: string, wf: Workflow): Promise<string[]> {
  const [queues, skills, teams] = [
    new Set((await db.queue.findMany({ where: { workspaceId }, select: { name: true } })).map((q) => q.name)),
    new Set((await db.skill.findMany({ where: { workspaceId }, select: { name: true } })).map((s) => s.name)),
    new Set((await db.team.findMany({ where: { workspaceId }, select: { id: true } })).map((t) => t.id)),
  ];
  const problems: string[] = [];
  const filters = [...wf.filters.map((f, i) => ({ f, teamIds: f.when.teamId ?? [], where: `filters.${i} (${f.name})` })), { f: wf.fallback, teamIds: [], where: 'fallback' }];
  for (const { f, teamIds, where } of filters) {
    for (const t of teamIds) if (!teams.has(t)) problems.push(`${where}.when.teamId: no team ${t}`);
    f.steps.forEach((s, j) => {
      if (!queues.has(s.queue)) problems.push(`${where}.steps.${j}.queue: no queue named "${s.queue}"`);
      for (const r of s.requirement.skills) if (!skills.has(r.skill)) problems.push(`${where}.steps.${j}.requirement.skills: no skill named "${r.skill}"`);
      if (s.requirement.teamId && !teams.has(s.requirement.teamId)) problems.push(`${where}.steps.${j}.requirement.teamId: no team ${s.requirement.teamId}`);
    });
  }
  return problems;
}

export async function saveWorkflow(db: Db, viewer: Viewer, input: unknown) {
  requireAdmin(viewer, 'change the routing workflow');
  const parsed = workflowSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('validation_failed', `${first?.path.join('.') || 'workflow'}: ${first?.message ?? 'invalid'}`, { details: parsed.error.issues });
  }
  const problems = await workflowProblems(db, viewer.workspaceId, parsed.data);
  if (problems.length) throw new AppError('validation_failed', problems[0]!, { details: problems });
  const saved = await db.routingWorkflow.upsert({
    where: { workspaceId: viewer.workspaceId },
    create: { workspaceId: viewer.workspaceId, definition: parsed.data as object, updatedById: viewer.agentId },
    update: { definition: parsed.data as object, updatedById: viewer.agentId, version: { increment: 1 } },
  });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'routing.workflow.save', targetType: 'routing_workflow', targetId: saved.id, data: { version: saved.version } });
  return { definition: parsed.data, version: saved.version, updatedAt: saved.updatedAt.toISOString() };
}
