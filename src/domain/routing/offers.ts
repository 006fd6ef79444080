// Offer mode: the chosen agent accepts or declines within the queue's timeout; a decline or a
// timeout moves the offer on to the next agent.
import type { Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { conversationSummaryInclude, toConversationSummary } from '../conversations/conversation-view.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { loadVisibleConversation } from '../conversations/visibility.ts';
import type { Viewer } from '../auth/viewer.ts';
import { toOfferView, type OfferView } from './offer-view.ts';
import { routeConversation } from './route-conversation.ts';
import { agentRef, recordConversationEvent } from '../conversations/record-conversation-event.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';

type OfferEnd = 'accepted' | 'declined' | 'expired';

/** The timeline entry of an offer's end; `actor` is the agent who answered (none for a timeout). */
async function recordOfferEnd(tx: Tx, i: { conv: { id: string; workspaceId: string; queueId: string | null }; agentId: string; outcome: OfferEnd; actor: string | null; at: Date }): Promise<ConversationEventView> {
  const agent = (await agentRef(tx, i.agentId)) ?? { id: i.agentId, name: 'an agent' };
  const queue = i.conv.queueId ? (await tx.queue.findUnique({ where: { id: i.conv.queueId }, select: { name: true } }))?.name : undefined;
  return recordConversationEvent(tx, {
    workspaceId: i.conv.workspaceId,
    conversationId: i.conv.id,
    actorAgentId: i.actor,
    at: i.at,
    activity: { kind: 'offer', data: { outcome: i.outcome, agent, ...(queue ? { queue } : {}) } },
  });
}

async function lockedOffer(deps: Deps, viewer: Viewer, conversationId: string, tx: Tx) {
  await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${conversationId} FOR UPDATE`;
  const conv = await tx.conversation.findFirst({ where: { id: conversationId, workspaceId: viewer.workspaceId } });
  if (!conv) throw new AppError('not_found', 'Conversation not found');
  // Someone it is not offered to learns nothing about a conversation they may not see.
  if (conv.offeredAgentId !== viewer.agentId) await loadVisibleConversation(tx, viewer, conversationId);
  const now = deps.clock.now();
  if (conv.offeredAgentId !== viewer.agentId || conv.assigneeId) throw new AppError('conflict', 'This conversation is not offered to you (any more)');
  if (!conv.offerExpiresAt || conv.offerExpiresAt <= now) throw new AppError('conflict', 'The offer has expired');
  return { conv, now };
}

/** The offers standing for this agent now, oldest first: what an inbox shows again after a reload. */
export async function listMyOffers(deps: Pick<Deps, 'db' | 'clock'>, viewer: Viewer): Promise<OfferView[]> {
  const rows = await deps.db.conversation.findMany({
    where: { workspaceId: viewer.workspaceId, offeredAgentId: viewer.agentId, assigneeId: null, offerExpiresAt: { gt: deps.clock.now() } },
    include: conversationSummaryInclude,
    orderBy: { offerExpiresAt: 'asc' },
  });
  return rows.map((c) => toOfferView(toConversationSummary(c), c.offerExpiresAt as Date));
}

export async function acceptOffer(deps: Deps, viewer: Viewer, conversationId: string) {
  const activity = await deps.db.$transaction(async (tx) => {
    const { conv, now } = await lockedOffer(deps, viewer, conversationId, tx);
    // Conversation, agent, then the load counters the update changes (by trigger): the routers' order.
    await tx.agent.update({ where: { id: viewer.agentId }, data: { lastAssignedAt: now } });
    await tx.conversation.update({ where: { id: conv.id }, data: { assigneeId: viewer.agentId, offeredAgentId: null, offerExpiresAt: null, declinedAgentIds: [] } });
    await recordAudit(tx, { workspaceId: conv.workspaceId, actorAgentId: viewer.agentId, action: 'offer.accept', targetType: 'conversation', targetId: conv.id });
    return [await recordOfferEnd(tx, { conv, agentId: viewer.agentId, outcome: 'accepted', actor: viewer.agentId, at: now })];
  });
  return publishConversation(deps, conversationId, 'conversation.assigned', { activity });
}

export async function declineOffer(deps: Deps, viewer: Viewer, conversationId: string) {
  const activity = await deps.db.$transaction(async (tx) => {
    const { conv, now } = await lockedOffer(deps, viewer, conversationId, tx);
    await tx.conversation.update({ where: { id: conv.id }, data: { offeredAgentId: null, offerExpiresAt: null, declinedAgentIds: { push: viewer.agentId } } });
    await recordAudit(tx, { workspaceId: conv.workspaceId, actorAgentId: viewer.agentId, action: 'offer.decline', targetType: 'conversation', targetId: conv.id });
    return [await recordOfferEnd(tx, { conv, agentId: viewer.agentId, outcome: 'declined', actor: viewer.agentId, at: now })];
  });
  await publishConversation(deps, conversationId, 'conversation.updated', { activity });
  return routeConversation(deps, { conversationId });
}

/** Timeout of an offer; `token` names the agent and expiry it was armed for. True if it expired now. */
export async function expireOffer(deps: Deps, input: { conversationId: string; token: string }): Promise<boolean> {
  const now = deps.clock.now();
  const expired = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${input.conversationId} FOR UPDATE`;
    const conv = await tx.conversation.findUnique({ where: { id: input.conversationId } });
    if (!conv?.offeredAgentId || conv.assigneeId || !conv.offerExpiresAt) return null;
    if (input.token !== `${conv.offeredAgentId}-${conv.offerExpiresAt.getTime()}` || conv.offerExpiresAt > now) return null;
    await tx.conversation.update({ where: { id: conv.id }, data: { offeredAgentId: null, offerExpiresAt: null, declinedAgentIds: { push: conv.offeredAgentId } } });
    await recordAudit(tx, { workspaceId: conv.workspaceId, actorAgentId: null, action: 'offer.timeout', targetType: 'conversation', targetId: conv.id, data: { agentId: conv.offeredAgentId } });
    return recordOfferEnd(tx, { conv, agentId: conv.offeredAgentId, outcome: 'expired', actor: null, at: now });
  });
  if (!expired) return false;
  await publishConversation(deps, input.conversationId, 'conversation.updated', { activity: [expired] });
  return true;
}
