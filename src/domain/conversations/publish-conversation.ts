// Loads a conversation's summary and tells everyone who may see it, after the change committed.
// Concurrent publishes (an ingest batch's messages, answered together) load together: one
// statement for their conversations and one for their messages, started after each change committed.
import type { Db } from '../../db/client.ts';
import { allOk, laneBatcher } from '../../db/lane-batcher.ts';
import type { Deps } from '../../deps.ts';
import type { RealtimeEventName } from '../../realtime/events.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
import { toConversationSummary, toMessageView, type ConversationSummary } from './conversation-view.ts';
import { loadSummaryRows, type loadConversationSummary } from './load-conversation-summary.ts';
import { loadMessageViews, type loadMessageView } from './load-message-view.ts';

type ConversationEvent = Extract<RealtimeEventName, 'conversation.created' | 'conversation.updated' | 'conversation.assigned'>;
type PublishOptions = { alsoAgentIds?: string[]; activity?: readonly ConversationEventView[] };
type LoadedSummary = Awaited<ReturnType<typeof loadConversationSummary>>;
type LoadedMessage = Awaited<ReturnType<typeof loadMessageView>>;

const lane = { maxBatch: 64, maxInFlight: 2 };
const summaryJoined = laneBatcher(async (db: Db, ids: string[]) => {
  const byId = new Map((await loadSummaryRows(db, ids)).map((row) => [row.id, row]));
  return allOk(ids.map((id) => byId.get(id) ?? null));
}, lane);
const messageJoined = laneBatcher(async (db: Db, ids: string[]) => allOk(await loadMessageViews(db, ids)), lane);

export async function publishConversation(
  deps: Pick<Deps, 'db' | 'publisher'>,
  conversationId: string,
  event: ConversationEvent,
  opts: PublishOptions = {},
): Promise<ConversationSummary> {
  return sendConversation(deps, conversationId, await summaryJoined(deps.db, conversationId), event, opts);
}

export async function publishMessage(deps: Pick<Deps, 'db' | 'publisher'>, messageId: string, event: 'message.created' | 'message.updated'): Promise<void> {
  sendMessage(deps, messageId, await messageJoined(deps.db, messageId), event);
}

/**
 * A conversation and one of its messages, loaded at once (two connections, one wait: the ingest
 * worker's last reads, shared by the messages of a batch) and published in that order, so a view hears of the
 * conversation before its message, as with publishConversation then publishMessage.
 */
export async function publishConversationAndMessage(
  deps: Pick<Deps, 'db' | 'publisher'>,
  conversation: { id: string; event: ConversationEvent; opts?: PublishOptions },
  message: { id: string; event: 'message.created' | 'message.updated' },
): Promise<ConversationSummary> {
  const [c, m] = await Promise.all([summaryJoined(deps.db, conversation.id), messageJoined(deps.db, message.id)]);
  const summary = sendConversation(deps, conversation.id, c, conversation.event, conversation.opts ?? {});
  sendMessage(deps, message.id, m, message.event);
  return summary;
}

function sendConversation(deps: Pick<Deps, 'publisher'>, conversationId: string, c: LoadedSummary, event: ConversationEvent, opts: PublishOptions): ConversationSummary {
  if (!c) throw new Error(`cannot publish conversation ${conversationId}: no such conversation`);
  const summary = toConversationSummary(c);
  const audience = { workspaceId: c.workspaceId, conversationId: c.id, teamId: c.teamId, assigneeId: c.assigneeId, alsoAgentIds: opts.alsoAgentIds };
  // The timeline entries of the change first, so a view that reloads on the summary has them.
  for (const entry of opts.activity ?? []) deps.publisher.publish('conversation.activity', audience, entry);
  deps.publisher.publish(event, audience, summary);
  // A nudge for supervisor boards: queue numbers may have moved.
  deps.publisher.publishToSupervisors(c.workspaceId, 'queues.changed', { conversationId: c.id, queueId: c.queueId, at: summary.lastMessageAt });
  return summary;
}

function sendMessage(deps: Pick<Deps, 'publisher'>, messageId: string, loaded: LoadedMessage, event: 'message.created' | 'message.updated'): void {
  if (!loaded) throw new Error(`cannot publish message ${messageId}: no such message`);
  const { message: m, conversation } = loaded;
  deps.publisher.publish(event, { workspaceId: m.workspaceId, conversationId: m.conversationId, teamId: conversation.teamId, assigneeId: conversation.assigneeId }, toMessageView(m));
}
