// Admin changes to how agents are routed to: their skills with levels and their capacity budget.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { Viewer } from '../conversations/visibility.ts';

async function workspaceAgent(db: Db, viewer: Viewer, agentId: string) {
  const agent = await db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId } });
  if (!agent) throw notFound('Agent');
  return agent;
}

/** Replaces the agent's skills; unknown skill names are created in the workspace. */
export async function setAgentSkills(db: Db, viewer: Viewer, agentId: string, skills: { skill: string; level: number }[]) {
  await workspaceAgent(db, viewer, agentId);
  await db.$transaction(async (tx) => {
    await tx.agentSkill.deleteMany({ where: { agentId } });
    for (const s of skills) {
      const skill = await tx.skill.upsert({ where: { workspaceId_name: { workspaceId: viewer.workspaceId, name: s.skill } }, create: { workspaceId: viewer.workspaceId, name: s.skill }, update: {} });
      await tx.agentSkill.create({ data: { agentId, skillId: skill.id, level: s.level } });
    }
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.skills', targetType: 'agent', targetId: agentId, data: { skills } });
  });
  return skills;
}

export async function setAgentCapacity(db: Db, viewer: Viewer, agentId: string, capacity: number) {
  const before = await workspaceAgent(db, viewer, agentId);
  await db.agent.update({ where: { id: agentId }, data: { capacity } });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.capacity', targetType: 'agent', targetId: agentId, data: { from: before.capacity, to: capacity } });
  return { agentId, capacity };
}
