// A contact as the customer panel shows them (GET/PATCH /api/contacts/:id): their fields, every
// identity, their conversations and their timeline across channels; and one page of that timeline
// (GET /api/contacts/:id/timeline). Node-free (src/contract).
import type { Prisma } from '../../db/model-types.ts';
import { toMessageView, type MessageWithView } from '../conversations/conversation-view.ts';

type ContactWithIdentities = Prisma.ContactGetPayload<{ include: { identities: true; organisation: { select: { id: true; name: true } }; owner: { select: { id: true; name: true } } } }>;
type ConversationWithChannel = Prisma.ConversationGetPayload<{ include: { channel: { select: { id: true; kind: true; name: true } } } }>;

/** `messages` oldest first. */
export function toContactTimeline(contact: ContactWithIdentities, conversations: readonly ConversationWithChannel[], messages: readonly MessageWithView[]) {
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    tier: contact.tier,
    lifecycleStage: contact.lifecycleStage,
    tags: contact.tags,
    attributes: contact.attributes,
    /** The company they belong to. */
    organisation: contact.organisation,
    /** The agent who owns the relationship. */
    owner: contact.owner,
    lastContactAt: contact.lastContactAt.toISOString(),
    createdAt: contact.createdAt.toISOString(),
    erasedAt: contact.erasedAt?.toISOString() ?? null,
    identities: contact.identities.map((i) => ({
      id: i.id,
      channelKind: i.channelKind,
      address: i.address,
      displayName: i.displayName,
      optedOutAt: i.optedOutAt?.toISOString() ?? null,
      /** Proven by its channel (or a confirmed claim); false: the sender only claimed it. */
      verified: i.verifiedAt !== null,
      verification: i.verification,
    })),
    conversations: conversations.map((c) => ({
      id: c.id,
      number: c.number,
      subject: c.subject,
      status: c.status,
      channel: c.channel,
      createdAt: c.createdAt.toISOString(),
      lastMessageAt: c.lastMessageAt.toISOString(),
    })),
    timeline: messages.map(toMessageView),
  };
}

export type ContactTimeline = ReturnType<typeof toContactTimeline>;

type MessageWithChannel = MessageWithView & { channel: { id: string; kind: string; name: string } };
type TimelineConversation = Pick<Prisma.ConversationGetPayload<object>, 'id' | 'number' | 'subject' | 'status'>;

/** A message or call of the contact's timeline, with where it happened and the conversation it belongs to. */
export function toContactTimelineEntry(m: MessageWithChannel, conversation: TimelineConversation) {
  return { ...toMessageView(m), channel: m.channel, conversation: { id: conversation.id, number: conversation.number, subject: conversation.subject, status: conversation.status } };
}

export type ContactTimelineEntry = ReturnType<typeof toContactTimelineEntry>;

/** Newest first; `next` is the cursor (`before`) of the following page, null on the last. */
export interface ContactTimelinePage {
  items: ContactTimelineEntry[];
  next: string | null;
}
