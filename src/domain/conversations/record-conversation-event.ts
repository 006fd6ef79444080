// The one writer of conversation activity: every assignment, status, priority, tag, SLA, routing
// and offer change records its timeline entry here, in the transaction of the change, and hands
// the entry back so the caller publishes it once the change committed.
import type { Db, Tx } from '../../db/client.ts';
import { conversationEventInclude, toConversationEventView, type ConversationActivity, type ConversationEventView, type NamedRef } from './conversation-event-view.ts';

export interface ConversationEventInput {
  workspaceId: string;
  conversationId: string;
  /** Who did it; null when Parley did (routing, SLA timers, status timers). */
  actorAgentId: string | null;
  at: Date;
  activity: ConversationActivity;
}

export async function recordConversationEvent(db: Db | Tx, input: ConversationEventInput): Promise<ConversationEventView> {
  const row = await db.conversationEvent.create({
    data: {
      workspaceId: input.workspaceId,
      conversationId: input.conversationId,
      actorAgentId: input.actorAgentId,
      kind: input.activity.kind,
      data: input.activity.data as object,
      createdAt: input.at,
    },
    include: conversationEventInclude,
  });
  return toConversationEventView(row);
}

/** An agent as events name them (null for none). */
export async function agentRef(db: Db | Tx, agentId: string | null | undefined): Promise<NamedRef | null> {
  if (!agentId) return null;
  return db.agent.findUnique({ where: { id: agentId }, select: { id: true, name: true } });
}

/** A team as events name them (null for none). */
export async function teamRef(db: Db | Tx, teamId: string | null | undefined): Promise<NamedRef | null> {
  if (!teamId) return null;
  return db.team.findUnique({ where: { id: teamId }, select: { id: true, name: true } });
}

/** What was added to and removed from a tag list, or null when nothing changed. */
export function tagChange(before: readonly string[], after: readonly string[]): { added: string[]; removed: string[] } | null {
  const added = after.filter((t) => !before.includes(t));
  const removed = before.filter((t) => !after.includes(t));
  return added.length > 0 || removed.length > 0 ? { added, removed } : null;
}
