// What GET /api/me shows a logged-in agent about themselves: identity, role, teams and presence.
import type { Db } from '../../db/client.ts';
import type { AuthenticatedAgent } from '../auth/viewer.ts';

export async function getOwnProfile(db: Db, viewer: AuthenticatedAgent) {
  const { presence, presenceChangedAt } = await db.agent.findUniqueOrThrow({ where: { id: viewer.agentId }, select: { presence: true, presenceChangedAt: true } });
  return {
    id: viewer.agentId,
    name: viewer.name,
    email: viewer.email,
    role: viewer.role,
    workspaceId: viewer.workspaceId,
    teamIds: viewer.teamIds,
    presence,
    presenceChangedAt: presenceChangedAt.toISOString(),
  };
}
