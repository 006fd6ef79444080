// Admin changes to how agents are routed to: their skills with levels and their capacity budget.
// Either may make an agent eligible for waiting work, so each asks routing to dispatch again.
import type { Db, Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { requestDispatch } from './dispatch-waiting.ts';

type ManageDeps = Pick<Deps, 'db' | 'queues' | 'log'>;

async function workspaceAgent(db: Db, viewer: Viewer, agentId: string) {
  const agent = await db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId } });
  if (!agent) throw notFound('Agent');
  return agent;
}

/** Replaces an agent's skills inside a transaction; unknown skill names are created in the workspace. */
export async function replaceAgentSkills(tx: Tx, input: { workspaceId: string; agentId: string; skills: { skill: string; level: number }[] }): Promise<void> {
  await tx.agentSkill.deleteMany({ where: { agentId: input.agentId } });
  for (const s of input.skills) {
    const skill = await tx.skill.upsert({ where: { workspaceId_name: { workspaceId: input.workspaceId, name: s.skill } }, create: { workspaceId: input.workspaceId, name: s.skill }, update: {} });
    await tx.agentSkill.create({ data: { agentId: input.agentId, skillId: skill.id, level: s.level } });
  }
}

/** Replaces the agent's skills; unknown skill names are created in the workspace. */
export async function setAgentSkills(deps: ManageDeps, viewer: Viewer, agentId: string, skills: { skill: string; level: number }[]) {
  requireAdmin(viewer, 'change skills');
  await workspaceAgent(deps.db, viewer, agentId);
  await deps.db.$transaction(async (tx) => {
    await replaceAgentSkills(tx, { workspaceId: viewer.workspaceId, agentId, skills });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.skills', targetType: 'agent', targetId: agentId, data: { skills } });
  });
  await requestDispatch(deps, viewer.workspaceId);
  return skills;
}

export async function setAgentCapacity(deps: ManageDeps, viewer: Viewer, agentId: string, capacity: number) {
  requireAdmin(viewer, 'change capacity');
  const before = await workspaceAgent(deps.db, viewer, agentId);
  await deps.db.agent.update({ where: { id: agentId }, data: { capacity } });
  await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.capacity', targetType: 'agent', targetId: agentId, data: { from: before.capacity, to: capacity } });
  await requestDispatch(deps, viewer.workspaceId);
  return { agentId, capacity };
}
