// Decides which conversation an inbound message belongs to: the one it answers (provider
// references), else the contact's recent conversation on the same topic (or, on per-contact
// channels, their latest one); a resolved conversation is reopened only within the reopen window.
import type { Conversation, Tx } from '../../db/client.ts';
import type { ConversationSettings } from './conversation-settings.ts';

export interface ThreadQuery {
  workspaceId: string;
  channelId: string;
  contactId: string;
  refs: string[];
  topic: string | null;
  threading: 'per-topic' | 'per-contact';
  now: Date;
  settings: ConversationSettings;
}

export type ThreadDecision = ThreadDecisionOf<Conversation>;

const HOUR = 3_600_000;

export async function findThread(tx: Tx, q: ThreadQuery): Promise<ThreadDecision> {
  return decideThread((await matchByReference(tx, q)) ?? (await matchByTopicOrContact(tx, q)), q);
}

/** The rows a thread is decided on need only these (the plain-SQL ingest path reads no more). */
export type ThreadCandidate = Pick<Conversation, 'status' | 'resolvedAt' | 'updatedAt'>;
export type MatchedBy = 'reference' | 'topic' | 'contact';
export type ThreadDecisionOf<C> =
  | { action: 'append' | 'reopen'; conversation: C; matchedBy: MatchedBy }
  | { action: 'new'; reason: 'no-match' | 'outside-reopen-window'; previous: C | null };

/** Append to the match, reopen it within the reopen window, or open a new one (shared with the SQL path). */
export function decideThread<C extends ThreadCandidate>(match: { conversation: C; matchedBy: MatchedBy } | null, q: Pick<ThreadQuery, 'now' | 'settings'>): ThreadDecisionOf<C> {
  if (!match) return { action: 'new', reason: 'no-match', previous: null };
  const { conversation, matchedBy } = match;
  if (conversation.status !== 'resolved') return { action: 'append', conversation, matchedBy };
  const resolvedAt = conversation.resolvedAt ?? conversation.updatedAt;
  if (q.now.getTime() - resolvedAt.getTime() <= q.settings.reopenWindowHours * HOUR) {
    return { action: 'reopen', conversation, matchedBy };
  }
  return { action: 'new', reason: 'outside-reopen-window', previous: conversation };
}

/**
 * Refs are ordered most specific first (In-Reply-To, then References newest-first); `hits` are the
 * messages carrying any of them, newest first. A reply from someone else to the same message is
 * their own case, not this contact's.
 */
export function pickReferenceMatch<C extends { contactId: string }>(hits: { externalId: string | null; conversation: C }[], q: Pick<ThreadQuery, 'refs' | 'contactId'>) {
  for (const ref of q.refs) {
    const hit = hits.find((m) => m.externalId === ref);
    if (hit && hit.conversation.contactId === q.contactId) return { conversation: hit.conversation, matchedBy: 'reference' as const };
  }
  return null;
}

async function matchByReference(tx: Tx, q: ThreadQuery) {
  if (q.refs.length === 0) return null;
  const messages = await tx.message.findMany({
    where: { workspaceId: q.workspaceId, externalId: { in: q.refs } },
    include: { conversation: true },
    orderBy: { createdAt: 'desc' },
  });
  return pickReferenceMatch(messages, q);
}

async function matchByTopicOrContact(tx: Tx, q: ThreadQuery) {
  const base = { workspaceId: q.workspaceId, channelId: q.channelId, contactId: q.contactId };
  if (q.threading === 'per-contact') {
    const conversation = await tx.conversation.findFirst({ where: base, orderBy: { lastMessageAt: 'desc' } });
    return conversation ? { conversation, matchedBy: 'contact' as const } : null;
  }
  if (!q.topic) return null;
  const since = new Date(q.now.getTime() - q.settings.topicWindowHours * HOUR);
  const conversation = await tx.conversation.findFirst({
    where: { ...base, topic: q.topic, lastMessageAt: { gte: since } },
    orderBy: { lastMessageAt: 'desc' },
  });
  return conversation ? { conversation, matchedBy: 'topic' as const } : null;
}
