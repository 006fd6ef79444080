// Writes notifications for agents and pushes them live. `agentIds: null` means the workspace's
// supervisors and admins (who watch the whole floor).
import type { Deps } from '../../deps.ts';
import { rolesAtLeast } from '../auth/viewer.ts';
import { toNotificationView, type NotificationDataByKind, type NotificationKind } from './notification-view.ts';

export interface NotifyInput<K extends NotificationKind> {
  workspaceId: string;
  agentIds: string[] | null;
  kind: K;
  conversationId: string | null;
  data: NotificationDataByKind[K];
}

export async function notifyAgents<K extends NotificationKind>(deps: Pick<Deps, 'db' | 'publisher'>, input: NotifyInput<K>): Promise<number> {
  const agentIds =
    input.agentIds ??
    (await deps.db.agent.findMany({ where: { workspaceId: input.workspaceId, active: true, role: { in: rolesAtLeast('supervisor') } }, select: { id: true } })).map((a) => a.id);
  for (const agentId of new Set(agentIds)) {
    const n = await deps.db.notification.create({ data: { workspaceId: input.workspaceId, agentId, kind: input.kind, conversationId: input.conversationId, data: input.data as object } });
    deps.publisher.publishToAgent(agentId, 'notification.created', toNotificationView(n));
  }
  return agentIds.length;
}
