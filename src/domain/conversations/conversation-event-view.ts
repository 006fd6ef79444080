// The activity entries of a conversation's timeline (who did what, when): the kinds and the shape
// of each kind's data, as stored in ConversationEvent.data and as the API and socket present them.
// Node-free (model types only): src/contract hands these types to the web app.
import type { Priority, Prisma, SlaMetric } from '../../db/model-types.ts';

/** An agent or team as it was named when the event happened. */
export interface NamedRef {
  id: string;
  name: string;
}

/** A change from one value to another (either side may be none). */
export interface Change<T> {
  from: T | null;
  to: T | null;
}

/** How an assignment came about: by hand, by routing, by taking an offer, or handed back by the system. */
export type AssignmentVia = 'manual' | 'routing' | 'offer' | 'agent-offline' | 'sla-breach' | 'agent-deactivated';

export type ConversationActivity =
  | { kind: 'assignment'; data: { agent?: Change<NamedRef>; team?: Change<NamedRef>; via: AssignmentVia; queue?: string; step?: number } }
  /** `snoozeReason`: why it was snoozed (on the snooze), or, on the way back from a snooze, the reason it had. */
  | { kind: 'status'; data: { from: string; to: string; label: string; snoozedUntil: string | null; snoozeReason?: string | null } }
  | { kind: 'priority'; data: { from: Priority; to: Priority; via: 'manual' | 'sla-breach' } }
  | { kind: 'tags'; data: { added: string[]; removed: string[] } }
  | { kind: 'sla.warning'; data: { metric: SlaMetric; dueAt: string | null } }
  /** What the escalation then changed has its own entries (priority, assignment, via 'sla-breach'). */
  | { kind: 'sla.breach'; data: { metric: SlaMetric; dueAt: string } }
  /** Waiting in a routing step's queue (entered it, or escalated to it after the previous step timed out). */
  | { kind: 'routing.queued'; data: { queue: string; step: number; filter: string } }
  /** A macro was applied: the types of the actions that ran and of those refused, in order. */
  | { kind: 'macro'; data: { macro: NamedRef; applied: string[]; failed: string[] } }
  | { kind: 'offer'; data: { outcome: 'offered' | 'accepted' | 'declined' | 'expired'; agent: NamedRef; queue?: string; expiresAt?: string } }
  /** A satisfaction survey of this conversation: sent, not sent (why), answered (score 1-5), or its comment added later. */
  | { kind: 'csat'; data: CsatActivity };

export type CsatActivity =
  | { outcome: 'sent'; surveyId: string; style: 'link' | 'reply' }
  | { outcome: 'skipped'; surveyId: string; reason: 'reopened' | 'throttled' | 'opted_out' | 'disabled' | 'unreachable' }
  | { outcome: 'answered' | 'commented'; surveyId: string; score: number; comment: string | null };

export type ConversationActivityKind = ConversationActivity['kind'];

export const conversationEventInclude = { actor: { select: { id: true, name: true } } } satisfies Prisma.ConversationEventInclude;

export type ConversationEventRow = Prisma.ConversationEventGetPayload<{ include: typeof conversationEventInclude }>;

/** One activity entry: who (null: Parley itself), what, when. */
export type ConversationEventView = ConversationActivity & {
  id: string;
  conversationId: string;
  actor: NamedRef | null;
  createdAt: string;
};

export function toConversationEventView(row: ConversationEventRow): ConversationEventView {
  // The row was written from a ConversationActivity by recordConversationEvent, the only writer.
  const activity = { kind: row.kind, data: row.data } as unknown as ConversationActivity;
  return { ...activity, id: row.id, conversationId: row.conversationId, actor: row.actor, createdAt: row.createdAt.toISOString() };
}
