// What GET /api/me shows a logged-in agent about themselves: identity, role, teams and presence.
import type { Db } from '../../db/client.ts';
import type { AuthenticatedAgent } from '../auth/viewer.ts';
import { toMeView, type MeView } from './me-view.ts';

export async function getOwnProfile(db: Db, viewer: AuthenticatedAgent): Promise<MeView> {
  const agent = await db.agent.findUniqueOrThrow({ where: { id: viewer.agentId }, select: { presence: true, presenceChangedAt: true } });
  return toMeView(viewer, agent);
}
