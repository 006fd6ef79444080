// The shapes of conversations and messages as the API and realtime events present them. Node-free
// (model types only): src/contract hands these types to the web app.
import type { Prisma } from '../../db/model-types.ts';
import { slaState } from '../sla/sla-state.ts';
import type { ConversationEventView } from './conversation-event-view.ts';

export const conversationSummaryInclude = {
  contact: { select: { id: true, name: true, email: true, phone: true } },
  channel: { select: { id: true, kind: true, name: true, address: true } },
  assignee: { select: { id: true, name: true, email: true } },
  team: { select: { id: true, name: true } },
  messages: {
    where: { kind: { in: ['message', 'note'] } },
    orderBy: { createdAt: 'desc' },
    take: 1,
    select: { id: true, direction: true, kind: true, text: true, createdAt: true },
  },
  slaClocks: {
    where: { OR: [{ status: { in: ['running', 'paused'] } }, { status: 'breached', metAt: null }] },
    select: { metric: true, status: true, dueAt: true, warnedAt: true, breachedAt: true, metAt: true },
  },
  queue: { select: { id: true, name: true } },
} satisfies Prisma.ConversationInclude;

export type ConversationWithSummary = Prisma.ConversationGetPayload<{ include: typeof conversationSummaryInclude }>;

/** What a summary is made of: a Prisma row with conversationSummaryInclude, or the same fields read in plain SQL (summary-sql.ts). */
export type SummarySource = Pick<ConversationWithSummary,
  | 'id' | 'number' | 'status' | 'priority' | 'subject' | 'channel' | 'contact' | 'assignee' | 'team' | 'messageCount' | 'lastMessageAt'
  | 'lastInboundAt' | 'waitingSince' | 'firstResponseAt' | 'snoozedUntil' | 'snoozeReason' | 'resolvedAt' | 'createdAt' | 'messages' | 'statusKey' | 'tags'
  | 'queue' | 'routingStep' | 'queuedAt' | 'offeredAgentId' | 'offerExpiresAt' | 'slaClocks'>;

export function toConversationSummary(c: SummarySource) {
  const last = c.messages[0];
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    priority: c.priority,
    subject: c.subject,
    channel: c.channel,
    contact: c.contact,
    assignee: c.assignee,
    team: c.team,
    messageCount: c.messageCount,
    lastMessageAt: c.lastMessageAt.toISOString(),
    lastInboundAt: c.lastInboundAt?.toISOString() ?? null,
    waitingSince: c.waitingSince?.toISOString() ?? null,
    firstResponseAt: c.firstResponseAt?.toISOString() ?? null,
    snoozedUntil: c.snoozedUntil?.toISOString() ?? null,
    /** Why it was snoozed; kept once it woke up by itself ("Back from snooze: ..."), until its status changes again. */
    snoozeReason: c.snoozeReason ?? null,
    resolvedAt: c.resolvedAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    lastMessage: last ? { ...last, text: last.text.slice(0, 200), createdAt: last.createdAt.toISOString() } : null,
    statusKey: c.statusKey,
    tags: c.tags ?? [],
    queue: c.queue,
    routingStep: c.routingStep,
    queuedAt: c.queuedAt?.toISOString() ?? null,
    offeredAgentId: c.offeredAgentId,
    offerExpiresAt: c.offerExpiresAt?.toISOString() ?? null,
    sla: slaState(c.slaClocks),
  };
}

export type ConversationSummary = ReturnType<typeof toConversationSummary>;

export const messageViewInclude = {
  attachments: { select: { id: true, filename: true, contentType: true, size: true, inline: true, contentId: true } },
  authorAgent: { select: { id: true, name: true } },
  authorContact: { select: { id: true, name: true } },
} satisfies Prisma.MessageInclude;

export type MessageWithView = Prisma.MessageGetPayload<{ include: typeof messageViewInclude }>;

/** Who an inbound message says it is from and whether its channel proved it (null: outbound, or recorded before senders were checked). */
function senderOf(metadata: unknown): { address: string; verified: boolean; reason: string } | null {
  const md = metadata as { from?: { address?: unknown }; sender?: { verified?: unknown; reason?: unknown } } | null;
  if (typeof md?.from?.address !== 'string' || typeof md.sender?.verified !== 'boolean') return null;
  return { address: md.from.address, verified: md.sender.verified, reason: typeof md.sender.reason === 'string' ? md.sender.reason : '' };
}

type NamedAddress = { address: string; name: string | null };

const namedAddressOf = (v: unknown): NamedAddress | null => {
  const a = v as { address?: unknown; name?: unknown } | null;
  return typeof a?.address === 'string' && a.address !== '' ? { address: a.address, name: typeof a.name === 'string' ? a.name : null } : null;
};

/**
 * Who else an inbound email names besides its author (null when nobody): its Reply-To (followed by
 * replies only when the sender is proven, see reply-address.ts), its Sender, further From authors.
 */
function envelopeOf(metadata: unknown): { replyTo: (NamedAddress & { followed: boolean }) | null; sentBy: NamedAddress | null; alsoFrom: NamedAddress[] } | null {
  const md = metadata as { replyTo?: unknown; sentBy?: unknown; alsoFrom?: unknown; sender?: { verified?: unknown } } | null;
  const replyTo = namedAddressOf(md?.replyTo);
  const sentBy = namedAddressOf(md?.sentBy);
  const alsoFrom = Array.isArray(md?.alsoFrom) ? md.alsoFrom.map(namedAddressOf).filter((a): a is NamedAddress => a !== null) : [];
  if (!replyTo && !sentBy && alsoFrom.length === 0) return null;
  return { replyTo: replyTo ? { ...replyTo, followed: md?.sender?.verified === true } : null, sentBy, alsoFrom };
}

export function toMessageView(m: MessageWithView) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    channelId: m.channelId,
    direction: m.direction,
    kind: m.kind,
    author: m.authorAgent ? { type: 'agent' as const, ...m.authorAgent } : m.authorContact ? { type: 'contact' as const, ...m.authorContact } : null,
    subject: m.subject,
    text: m.text,
    quotedText: m.quotedText,
    html: m.html,
    externalId: m.externalId,
    deliveryStatus: m.deliveryStatus,
    deliveryError: m.deliveryError,
    /** When a reply that met a transient failure is tried again (null while not waiting to retry). */
    nextAttemptAt: m.nextAttemptAt?.toISOString() ?? null,
    /** When the worker gave up retrying transient failures (deliveryStatus failed; a retry starts over). */
    deadLetteredAt: m.deadLetteredAt?.toISOString() ?? null,
    /** The client's key for a reply it sent (its optimistic copy is matched by it). */
    clientKey: m.clientKey,
    sentAt: m.sentAt?.toISOString() ?? null,
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
    attachments: m.attachments,
    metadata: m.metadata,
    /** An inbound message's sender as proven or only claimed ("claims to be alice@example.com (unverified)"). */
    sender: m.direction === 'in' ? senderOf(m.metadata) : null,
    /** An inbound email's Reply-To, Sender and further authors, for the agent to see (null: none). */
    envelope: m.direction === 'in' ? envelopeOf(m.metadata) : null,
  };
}

export type MessageView = ReturnType<typeof toMessageView>;

/** GET /api/conversations/:id: the summary with the whole timeline: messages and activity entries, each oldest first. */
export function toConversationDetail(c: ConversationWithSummary, messages: readonly MessageWithView[], events: readonly ConversationEventView[], replyRefusal: string | null = null) {
  /** replyRefusal: why no written reply can be sent on this conversation at all (the reply box shows it), or null. */
  return { ...toConversationSummary(c), messages: messages.map(toMessageView), events: [...events], replyRefusal };
}

export type ConversationDetail = ReturnType<typeof toConversationDetail>;

/** A row of the inbox list: the summary and whether the viewer has unread customer messages. */
export type ConversationListItem = ConversationSummary & { unread: boolean };

export interface ConversationPage {
  items: ConversationListItem[];
  nextCursor: string | null;
}

/** Part of a search snippet: text, and whether it is a matched word. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** A conversation found by search; `match` is the newest message that has the words, if one does. */
export type SearchHit = ConversationListItem & { match: { messageId: string; snippet: SnippetPart[] } | null };

/** POST /api/conversations/:id/read: the viewer's read marker. */
export interface ReadMarker {
  conversationId: string;
  lastReadAt: string;
}
