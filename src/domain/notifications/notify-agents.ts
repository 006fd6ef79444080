// Writes notifications for agents and pushes them live. `agentIds: null` means the workspace's
// supervisors and admins (who watch the whole floor).
import type { Deps } from '../../deps.ts';
import { rolesAtLeast } from '../auth/viewer.ts';

export interface NotifyInput {
  workspaceId: string;
  agentIds: string[] | null;
  kind: string;
  conversationId: string | null;
  data: Record<string, unknown>;
}

export async function notifyAgents(deps: Pick<Deps, 'db' | 'publisher'>, input: NotifyInput): Promise<number> {
  const agentIds =
    input.agentIds ??
    (await deps.db.agent.findMany({ where: { workspaceId: input.workspaceId, active: true, role: { in: rolesAtLeast('supervisor') } }, select: { id: true } })).map((a) => a.id);
  for (const agentId of new Set(agentIds)) {
    const n = await deps.db.notification.create({ data: { workspaceId: input.workspaceId, agentId, kind: input.kind, conversationId: input.conversationId, data: input.data as object } });
    deps.publisher.publishToAgent(agentId, 'notification.created', { id: n.id, kind: n.kind, conversationId: n.conversationId, data: n.data, createdAt: n.createdAt.toISOString() });
  }
  return agentIds.length;
}
