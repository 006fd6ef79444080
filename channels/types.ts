// The contract every channel adapter implements, and the shapes that cross it. Channel knowledge
// stays behind this interface: src/domain never asks which kind of channel it is handling.

export const channelKinds = ['email', 'sms', 'whatsapp', 'voice', 'telegram', 'webchat'] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** What an inbound item is, so the domain knows whether a customer is waiting for an answer. */
export type InboundKind = 'message' | 'auto_reply' | 'bounce' | 'status' | 'call_event';

/** A configured channel as adapters see it; credentials travel here on every call. */
export interface ChannelConfig {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  /** The channel's own address: the inbox email address, the phone number, the bot name. */
  address: string;
  settings: unknown;
}

export interface NormalizedAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** Present when the payload carries the bytes (email). */
  content?: Buffer;
  /** Present when the bytes must be fetched later (Twilio media, Telegram files). */
  url?: string;
  contentId?: string;
  inline: boolean;
}

export interface NormalizedInbound {
  channel: ChannelKind;
  /** Stable id of this item at the provider (email Message-ID, Twilio MessageSid ...). */
  externalId: string;
  kind: InboundKind;
  /** Sender; `address` is already normalised for identity lookup (lower-cased email, E.164 ...). */
  from: { address: string; name: string | null };
  to: string[];
  subject: string | null;
  /** What the customer wrote, with quoted history and signature trimmed off. */
  text: string;
  /** The trimmed-off part (quoted history, signature), kept so nothing is lost. */
  quotedText: string | null;
  /** Sanitised HTML body, safe to render. */
  html: string | null;
  sentAt: Date | null;
  inReplyTo: string | null;
  references: string[];
  /** How the domain threads this item: provider ids it answers, and a topic (normalised subject). */
  thread: { refs: string[]; topic: string | null };
  attachments: NormalizedAttachment[];
  /** For bounces: which of our messages failed, to whom, and why. */
  bounce: { originalMessageId: string | null; recipient: string | null; status: string | null; diagnostic: string | null } | null;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface OutboundMessage {
  /** Our Message.id: the idempotency key for the send. */
  messageId: string;
  /** Provider id decided before sending (an email Message-ID), reused on every retry. */
  externalId: string | null;
  to: { address: string; name: string | null };
  subject: string | null;
  text: string;
  html: string | null;
  inReplyTo: string | null;
  references: string[];
  attachments: OutboundAttachment[];
}

export type SendResult =
  | { ok: true; externalId: string; status: 'sent' | 'queued' | 'delivered' }
  | { ok: false; permanent: boolean; error: string; code: string | null };

export interface VerifyInput {
  rawBody: Buffer;
  url: string;
  headers: Record<string, string>;
  now: Date;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

export interface DeliveryUpdate {
  externalId: string;
  status: 'queued' | 'sent' | 'delivered' | 'read' | 'failed';
  error: string | null;
  at: Date;
}

/** Thrown by `normalize` on input it cannot understand; the message is shown to admins. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
}

export interface ChannelAdapter {
  readonly kind: ChannelKind;
  /**
   * How messages group into conversations: `per-topic` channels (email) open a new conversation
   * for a new subject unless the message answers an earlier one; `per-contact` channels (SMS,
   * chat) continue the contact's latest conversation on the channel.
   */
  readonly threading: 'per-topic' | 'per-contact';
  /** Live channels (calls, chat) need someone present: they are re-routed when their agent goes offline. */
  readonly live: boolean;
  /** Contact fields an identity's address fills in (an email address, a phone number). */
  contactFields?(address: string): { email?: string; phone?: string };
  /** Pure over data (async only because some parsers are). Throws ParseError. */
  normalize(raw: unknown, channel: ChannelConfig): Promise<NormalizedInbound>;
  /** Builds a provider id for an outbound message before the first attempt, if the channel lets us. */
  prepareExternalId?(msg: { messageId: string }, channel: ChannelConfig): string;
  send(msg: OutboundMessage, channel: ChannelConfig): Promise<SendResult>;
  verify?(input: VerifyInput, channel: ChannelConfig): Verdict;
  parseStatus?(raw: unknown, channel: ChannelConfig): DeliveryUpdate | null;
}
