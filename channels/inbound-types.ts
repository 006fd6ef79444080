// What `normalize` returns: one inbound item as a union on `kind`, so a call event always has its
// call, a delivery report never pretends to be a message, and a bounce always says what failed.
import type { ChannelKind } from './kinds.ts';
import type { DeliveryUpdate } from './types.ts';

/** What an inbound item is, so the domain knows whether a customer is waiting for an answer. */
export type InboundKind = NormalizedInbound['kind'];

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

/** What every inbound item has: the channel it came in on and its key at the provider. */
export interface InboundBase {
  channel: ChannelKind;
  /** Stable id of this item at the provider (email Message-ID, Twilio MessageSid ...): the InboundEvent's key. */
  externalId: string;
}

/**
 * Whether the sender is proven to own an address, decided by the channel that knows what it
 * proves: a Twilio-signed from-number, a Telegram user id, a visitor's own token, an email that
 * passed DMARC (or aligned DKIM / SPF) for its From domain. Anything else is a claim. `reason`
 * says how it was proven or why not, in words agents see.
 */
export interface SenderProof {
  verified: boolean;
  reason: string;
}

/** What every item someone sent us has: who they are, where it went, and any files. */
export interface SentInboundBase extends InboundBase {
  /** Sender; `address` is already normalised for identity lookup (lower-cased email, E.164 ...). */
  from: { address: string; name: string | null };
  /** Whether `from` is proven or only claimed; the domain never merges on a claim. */
  sender: SenderProof;
  to: string[];
  attachments: NormalizedAttachment[];
  /** Where answers go when not to `from` (an email's Reply-To); the contact stays `from`. */
  replyTo?: { address: string; name: string | null };
  /** Who sent it on `from`'s behalf (an email's Sender: a mailing list, an assistant). */
  sentBy?: { address: string; name: string | null };
  /** Other authors it names besides `from` (an email From with several addresses). */
  alsoFrom?: { address: string; name: string | null }[];
}

/** The written part of a message, auto-reply or bounce notice, and how it threads. */
export interface InboundContent {
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
}

/** This item changes an earlier one (a Telegram edit): the domain updates that message, keeping its old text. */
export interface InboundEdit {
  originalExternalId: string;
  editedAt: Date;
}

/** A customer's message: the one kind that asks for an answer. */
export interface InboundMessage extends SentInboundBase, InboundContent {
  kind: 'message';
  /** The sender asked to stop (or resume) receiving messages on this channel (SMS STOP / START). */
  consent?: 'opt_out' | 'opt_in';
  edit?: InboundEdit;
  /** What the sender says about themselves; the domain links contacts through it (a shared phone number, an email left in the chat). */
  claims?: { phone?: string; email?: string; proof: SenderProof };
  /** Merged into the contact's attributes (a Telegram /start deep-link payload). */
  contactAttributes?: Record<string, string>;
  /** Merged into the conversation's attributes, where routing filters read them (the chat's pre-chat topic). */
  conversationAttributes?: Record<string, string>;
}

/** An automatic answer (out of office, vacation): kept in the thread, never a new request. */
export interface InboundAutoReply extends SentInboundBase, InboundContent {
  kind: 'auto_reply';
}

/** Which of our messages failed, to whom, and why (a plain object type: it is stored as JSON metadata). */
export type BounceDetails = {
  originalMessageId: string | null;
  recipient: string | null;
  status: string | null;
  diagnostic: string | null;
};

/** A delivery failure report for one of our messages (an email DSN). */
export interface InboundBounce extends SentInboundBase, InboundContent {
  kind: 'bounce';
  bounce: BounceDetails;
}

/** One step of a phone call; the caller is `from`, a voicemail recording an attachment. */
export interface InboundCallEvent extends SentInboundBase {
  kind: 'call_event';
  call: CallEvent;
}

/** The provider's report on one of our messages (a Twilio status callback): applied before any identity is resolved. */
export interface InboundStatus extends InboundBase {
  kind: 'status';
  update: DeliveryUpdate;
}

/**
 * Something the provider sent that is understood and kept, but is no customer's message (a post in
 * the company's own Telegram channel, a reaction, Twilio's `received` report on a message the
 * customer sent): recorded as an ignored event with the reason,
 * never a failure and never a conversation.
 */
export interface InboundIgnored extends InboundBase {
  kind: 'ignored';
  reason: string;
}

/** One inbound item as `normalize` returns it; `kind` says which fields it has. */
export type NormalizedInbound = InboundMessage | InboundAutoReply | InboundBounce | InboundCallEvent | InboundStatus | InboundIgnored;

/** Items a contact sent: everything but delivery reports and what is recorded only. */
export type ContactInbound = Exclude<NormalizedInbound, InboundStatus | InboundIgnored>;

/** Items with written content that become a message in a conversation's timeline. */
export type WrittenInbound = InboundMessage | InboundAutoReply | InboundBounce;

/** How a call ended, as agents see it. */
export type CallOutcome = 'completed' | 'no-answer' | 'busy' | 'failed' | 'voicemail' | 'abandoned';

/** One step of a phone call; a call's steps arrive separately and in any order. */
export interface CallEvent {
  /** The provider's id of the call (Twilio CallSid): the call's timeline entry is keyed by it. */
  callId: string;
  step: 'started' | 'menu' | 'connect' | 'ended' | 'voicemail' | 'transcription';
  direction: 'inbound' | 'outbound';
  /** step menu: the choice the caller made (a key pressed). */
  menu?: string;
  /** step connect: whether someone answered the call. */
  connected?: boolean;
  /** step ended: how the provider says the call ended. */
  ended?: 'completed' | 'no-answer' | 'busy' | 'failed' | 'canceled';
  durationSeconds?: number | null;
  /** steps voicemail / transcription: the recording (its bytes arrive as an attachment url). */
  recording?: { id: string; durationSeconds: number | null };
  /** step transcription: the text, or null when transcription failed. */
  transcription?: string | null;
}
