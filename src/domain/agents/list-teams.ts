// The workspace's teams with their members, for team views and team assignment.
import type { Db } from '../../db/client.ts';
import type { Viewer } from '../auth/viewer.ts';

export async function listTeams(db: Db, viewer: Viewer) {
  const teams = await db.team.findMany({
    where: { workspaceId: viewer.workspaceId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    include: { members: { select: { agentId: true } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, leadAgentId: t.leadAgentId, memberIds: t.members.map((m) => m.agentId) }));
}
