// Notifications as agents receive them (the `notification.created` event): what each kind's
// writer stores in Notification.data, and the view that carries it. Node-free (src/contract).
import type { Notification, SlaMetric } from '../../db/model-types.ts';

/** What each kind of notification carries, as its writer stores it. */
export interface NotificationDataByKind {
  /** An agent was @mentioned in a note. */
  mention: { noteId: string; by: { id: string; name: string } | null; conversationNumber: number; subject: string | null; excerpt: string };
  'sla.warning': { metric: SlaMetric; minutesLeft: number; number: number };
  'sla.breach': { metric: SlaMetric; number: number };
  /** Nobody took the conversation after the last routing step. */
  'routing.unassigned': { number: number; queue: string | null; waitingSince: string | null };
  /** An agent went offline while conversations that wait for no one present stayed with them. */
  'agent.offline-with-work': { agentId: string; conversationIds: string[]; count: number };
  /** A follow-up task of theirs is due (src/domain/tasks/fire-due-tasks.ts). */
  'task.due': { taskId: string; title: string; dueAt: string; conversationNumber: number | null; contactName: string | null };
}

export type NotificationKind = keyof NotificationDataByKind;

type Intersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Any kind's fields, each optional: what a reader may find in a stored row (of any kind, or age). */
export type NotificationFields = Partial<Intersection<NotificationDataByKind[NotificationKind]>>;

export function toNotificationView(n: Notification) {
  return {
    id: n.id,
    kind: n.kind,
    conversationId: n.conversationId,
    // Written only through NotificationDataByKind (notify-agents.ts, notify-mentions.ts, fire-due-tasks.ts).
    data: n.data as NotificationFields,
    createdAt: n.createdAt.toISOString(),
  };
}

export type NotificationView = ReturnType<typeof toNotificationView>;
