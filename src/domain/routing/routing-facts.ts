// Loads what routing needs to know about a conversation: the facts filters test, and the agent
// who last helped this contact.
import { asChannelKind } from '../../../channels/registry.ts';
import type { Tx } from '../../db/client.ts';
import type { RoutingFacts } from './match-filter.ts';

export async function loadRoutingFacts(tx: Tx, conversationId: string) {
  const conv = await tx.conversation.findUniqueOrThrow({
    where: { id: conversationId },
    include: { channel: { select: { kind: true } }, contact: { select: { tier: true, tags: true } } },
  });
  const first = await tx.message.findFirst({ where: { conversationId, direction: 'in', kind: 'message' }, orderBy: { createdAt: 'asc' }, select: { text: true, subject: true } });
  const attributes = Object.fromEntries(Object.entries((conv.attributes ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
  const facts: RoutingFacts = {
    channel: asChannelKind(conv.channel.kind),
    teamId: conv.teamId,
    language: conv.language,
    firstMessageText: [first?.subject, first?.text].filter(Boolean).join('\n'),
    contactTier: conv.contact.tier,
    contactTags: conv.contact.tags ?? [],
    conversationTags: conv.tags ?? [],
    priority: conv.priority,
    attributes,
  };
  return { conv, facts };
}

/** The agent who last answered this contact (any channel) within the window, if any. */
export async function lastAgentOf(tx: Tx, input: { contactId: string; excludeConversationId: string; since: Date }): Promise<string | null> {
  const m = await tx.message.findFirst({
    where: { direction: 'out', kind: 'message', authorAgentId: { not: null }, createdAt: { gte: input.since }, conversation: { contactId: input.contactId } },
    orderBy: { createdAt: 'desc' },
    select: { authorAgentId: true },
  });
  if (m?.authorAgentId) return m.authorAgentId;
  const c = await tx.conversation.findFirst({
    where: { contactId: input.contactId, id: { not: input.excludeConversationId }, assigneeId: { not: null }, lastMessageAt: { gte: input.since } },
    orderBy: { lastMessageAt: 'desc' },
    select: { assigneeId: true },
  });
  return c?.assigneeId ?? null;
}
