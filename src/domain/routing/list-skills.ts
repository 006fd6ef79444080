// The workspace's skills, by name, with how many agents have each: what the workflow editor offers
// for a step's skill requirement. Supervisors and admins read it.
import type { Db } from '../../db/client.ts';
import { requireSupervisor, type Viewer } from '../auth/viewer.ts';
import type { SkillView } from './skill-view.ts';

export async function listSkills(db: Db, viewer: Viewer): Promise<SkillView[]> {
  requireSupervisor(viewer, 'read skills');
  const skills = await db.skill.findMany({ where: { workspaceId: viewer.workspaceId }, orderBy: { name: 'asc' }, include: { _count: { select: { agents: true } } } });
  return skills.map((s) => ({ id: s.id, name: s.name, agentCount: s._count.agents }));
}
