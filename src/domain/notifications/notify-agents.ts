// Writes notifications for agents and pushes them live. `agentIds: null` means the workspace's
// supervisors and admins (who watch the whole floor). A writer that must store the notification
// together with its own change writes it in its transaction (writeNotifications) and publishes
// once that committed (publishNotifications).
import type { Db, Tx } from '../../db/client.ts';
import type { Notification } from '../../db/model-types.ts';
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

export async function writeNotifications<K extends NotificationKind>(db: Db | Tx, input: NotifyInput<K>): Promise<Notification[]> {
  const agentIds =
    input.agentIds ??
    (await db.agent.findMany({ where: { workspaceId: input.workspaceId, active: true, role: { in: rolesAtLeast('supervisor') } }, select: { id: true } })).map((a) => a.id);
  const rows: Notification[] = [];
  for (const agentId of new Set(agentIds)) {
    rows.push(await db.notification.create({ data: { workspaceId: input.workspaceId, agentId, kind: input.kind, conversationId: input.conversationId, data: input.data as object } }));
  }
  return rows;
}

export function publishNotifications(publisher: Deps['publisher'], rows: readonly Notification[]): void {
  for (const n of rows) publisher.publishToAgent(n.agentId, 'notification.created', toNotificationView(n));
}

export async function notifyAgents<K extends NotificationKind>(deps: Pick<Deps, 'db' | 'publisher'>, input: NotifyInput<K>): Promise<number> {
  const rows = await writeNotifications(deps.db, input);
  publishNotifications(deps.publisher, rows);
  return rows.length;
}
