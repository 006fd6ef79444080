// The contract every channel adapter implements, and the shapes that cross it. Channel knowledge
// stays behind this interface: src/domain never asks which kind of channel it is handling.
import type { z } from 'zod';
import type { ChannelWebhook, InboundListener } from './edge-types.ts';
import type { NormalizedInbound } from './inbound-types.ts';
import type { ChannelKind } from './kinds.ts';
import type { MessageTemplate, SettingField } from './setup-types.ts';

export type { ChannelKind } from './kinds.ts';
export type { MessageTemplate, SettingField } from './setup-types.ts';
export type * from './inbound-types.ts';
export type * from './edge-types.ts';

/** A configured channel as adapters see it; credentials travel here on every call. */
export interface ChannelConfig {
  id: string;
  workspaceId: string;
  kind: ChannelKind;
  /** The channel's own address: the inbox email address, the phone number, the bot name. */
  address: string;
  settings: unknown;
}

export interface OutboundAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A provider-approved message template (WhatsApp Content SID) and the values for its placeholders. */
export interface OutboundTemplate {
  id: string;
  variables: Record<string, string>;
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
  /** Send this approved template instead of free text (channels with `templates`). */
  template?: OutboundTemplate | null;
  /** The agent who wrote it, for channels that show a name (the chat widget). */
  authorName?: string | null;
}

export type SendResult =
  | { ok: true; externalId: string; status: 'sent' | 'queued' | 'delivered' }
  | {
      ok: false;
      permanent: boolean;
      error: string;
      code: string | null;
      /** The provider asked us to wait this long before trying again (Telegram's 429 retry_after). */
      retryAfterMs?: number;
      /** The recipient refuses messages on this channel until they write again (a Telegram user blocked the bot). */
      unreachable?: boolean;
      /** For the server log only, never shown: what `error` leaves out on purpose (what answered at a refused host). */
      detail?: string;
    };

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
  /** When the provider says it happened; null when it does not say (then: when we heard of it). */
  at: Date | null;
}

/** What a channel may check before an agent's message is accepted for sending. */
export interface OutboundCheck {
  now: Date;
  /** The identity the reply would go to (a number, a short code, a sender ID, "client:alice" ...). */
  to: { address: string };
  /** When this contact last wrote to us on this channel (any conversation). */
  lastInboundAt: Date | null;
  template: OutboundTemplate | null;
}

export type FetchedMedia = { ok: true; content: Buffer; contentType: string | null } | { ok: false; permanent: boolean; error: string };

/** Thrown by `normalize` on input it cannot understand; the message is shown to admins. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
}

/** What an admin gives to set up a channel of a kind, and how the API checks it before saving. */
export interface ChannelSetup {
  /** The settings' schema: a channel that is saved is one its adapter can run. */
  settings: z.ZodType;
  /** The address in the form Parley keys the channel by, or null when it is not one. */
  canonicalAddress(raw: string): string | null;
  /** What the address is, for the error message ("the Twilio number in E.164, e.g. +14155550100"). */
  addressIs: string;
  /** The admin form's hint beside the address field. */
  addressHint: string;
  /** The admin form, field by field. */
  form: SettingField[];
  /**
   * The hosts valid settings make Parley connect to that the admin chose (an SMTP server, a reply
   * URL's host), by setting path: checked against the instance's host policy before saving.
   */
  outboundHosts?(settings: unknown): { path: string; host: string }[];
}

export interface ChannelAdapter {
  readonly kind: ChannelKind;
  /** The kind's name in the admin form ("SMS (Twilio)"). */
  readonly label: string;
  /** The short name beside messages and in titles ("SMS", "Web chat"). */
  readonly shortLabel: string;
  /** A 24x24 line icon (SVG path data, stroked) and a colour for charts, readable on white. */
  readonly icon: { path: string; colour: string };
  /** How an admin sets up a channel of this kind. */
  readonly setup: ChannelSetup;
  /** What one conversation costs an agent's capacity budget (100 units by default) unless the workspace says otherwise. */
  readonly capacityWeight: number;
  /** Shown instead of an identity's address when the address means nothing to people (a website visitor's id). */
  readonly identityLabel?: string;
  /**
   * How messages group into conversations: `per-topic` channels (email) open a new conversation
   * for a new subject unless the message answers an earlier one; `per-contact` channels (SMS,
   * chat) continue the contact's latest conversation on the channel.
   */
  readonly threading: 'per-topic' | 'per-contact';
  /** Live channels (calls, chat) need someone present: they are re-routed when their agent goes offline. */
  readonly live: boolean;
  /**
   * How a satisfaction survey is asked here: `link` sends a link to the survey page (the channel
   * shows links people click), `reply` asks for a 1-5 answer in the conversation. Absent: no surveys.
   */
  readonly survey?: 'link' | 'reply';
  /** Contact fields an identity's address fills in (an email address, a phone number). */
  contactFields?(address: string): { email?: string; phone?: string };
  /** Pure over data (async only because some parsers are). Throws ParseError. */
  normalize(raw: unknown, channel: ChannelConfig): Promise<NormalizedInbound>;
  /** Builds a provider id for an outbound message before the first attempt, if the channel lets us. */
  prepareExternalId?(msg: { messageId: string }, channel: ChannelConfig): string;
  send(msg: OutboundMessage, channel: ChannelConfig): Promise<SendResult>;
  /**
   * For a send that was interrupted (the process died between the provider's answer and our record
   * of it): the provider id of the message the provider already has from that attempt, or null
   * when it has none and sending again makes no duplicate. Throws when it cannot tell.
   */
  findSent?(msg: OutboundMessage, channel: ChannelConfig, since: Date): Promise<string | null>;
  verify?(input: VerifyInput, channel: ChannelConfig): Verdict;
  parseStatus?(raw: unknown, channel: ChannelConfig): DeliveryUpdate | null;
  /** The most bytes of files one outbound message may carry; absent when the channel sends no files. */
  readonly maxOutboundFileBytes?: number;
  /** The provider-approved templates agents may send on a channel with these settings (OutboundMessage.template); absent when the kind has none. */
  templates?(settings: unknown): MessageTemplate[];
  /** Refuses an agent's message the channel cannot send now (e.g. WhatsApp's 24-hour window), with the reason. */
  checkOutbound?(ctx: OutboundCheck): Verdict;
  /** Downloads a file the provider hosts (an attachment's url), with the channel's credentials. */
  fetchMedia?(url: string, channel: ChannelConfig, opts: { maxBytes: number }): Promise<FetchedMedia>;
  /** Shows the customer that an agent is typing, where the channel can. */
  showTyping?(to: { address: string; inReplyTo: string | null }, channel: ChannelConfig, typing: { typing: boolean; name: string | null }): Promise<void>;
  /** How the provider calls us over HTTP: served at POST /webhooks/<kind>/<channel id>[/<step>] by one generic route. */
  readonly webhook?: ChannelWebhook;
  /** Long-lived inbound edges the runtime starts (an SMTP server, a mailbox poller, a socket namespace). */
  readonly listeners?: readonly InboundListener[];
}
