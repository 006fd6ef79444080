// What a routing decision came to (written by write-decisions.ts, published by
// publish-assignments.ts), and the supervisors' alert when nobody took a conversation in time.
import type { Deps } from '../../deps.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';

/** `activity`: the timeline entries the decision recorded, published with the conversation after commit. */
export type RouteOutcome =
  | { status: 'assigned'; conversationId: string; agentId: string; queueId: string; step: number; activity: ConversationEventView[] }
  | { status: 'offered'; conversationId: string; agentId: string; queueId: string; step: number; expiresAt: Date; activity: ConversationEventView[] }
  | { status: 'waiting'; conversationId: string; queueId: string; step: number; isLast: boolean; timeoutAt: Date | null; activity: ConversationEventView[] }
  | { status: 'skipped'; reason: string };

/** The last step timed out with nobody taking the conversation: supervisors must act. */
export async function notifySupervisorsUnrouted(deps: Deps, conversationId: string): Promise<void> {
  const conv = await deps.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { queue: true } });
  await notifyAgents(deps, { workspaceId: conv.workspaceId, agentIds: null, kind: 'routing.unassigned', conversationId, data: { number: conv.number, queue: conv.queue?.name ?? null, waitingSince: conv.queuedAt?.toISOString() ?? null } });
}

