// An offer as the offered agent sees it (GET /api/me/offers and the `conversation.offered`
// event): the conversation and until when they may accept. Node-free (src/contract).
import type { ConversationSummary } from '../conversations/conversation-view.ts';

export function toOfferView(conversation: ConversationSummary, expiresAt: Date) {
  return { conversation, expiresAt: expiresAt.toISOString() };
}

export type OfferView = ReturnType<typeof toOfferView>;
