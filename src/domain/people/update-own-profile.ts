// Anyone changes the name others see them by. Audited.
import type { Deps } from '../../deps.ts';
import { toMeView, type MeView } from '../agents/me-view.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { AuthenticatedAgent } from '../auth/viewer.ts';

export async function updateOwnProfile(deps: Pick<Deps, 'db'>, viewer: AuthenticatedAgent, input: { name: string }): Promise<MeView> {
  const agent = await deps.db.$transaction(async (tx) => {
    const agent = await tx.agent.update({ where: { id: viewer.agentId }, data: { name: input.name } });
    if (viewer.name !== input.name) {
      await recordAudit(tx, { workspaceId: agent.workspaceId, actorAgentId: agent.id, action: 'agent.profile', targetType: 'agent', targetId: agent.id, data: { name: { from: viewer.name, to: input.name } } });
    }
    return agent;
  });
  return toMeView({ ...viewer, name: agent.name }, agent);
}
