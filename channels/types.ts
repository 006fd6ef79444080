// The contract every channel adapter implements, and the shapes that cross it. Channel knowledge
// stays behind this interface: src/domain never asks which kind of channel it is handling.
import type { Server as SocketServer } from 'socket.io';
import type { z } from 'zod';
import type { ChannelKind } from './registry.ts';
import type { MessageTemplate, SettingField } from './setup-types.ts';
import type { VisitorMessageView, VisitorStatus } from './webchat/protocol.ts';

export type { MessageTemplate, SettingField } from './setup-types.ts';

export type { ChannelKind } from './registry.ts';

/** What an inbound item is, so the domain knows whether a customer is waiting for an answer. */
export type InboundKind = NormalizedInbound['kind'];

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

/** What every inbound item has: the channel it came in on and its key at the provider. */
export interface InboundBase {
  channel: ChannelKind;
  /** Stable id of this item at the provider (email Message-ID, Twilio MessageSid ...): the InboundEvent's key. */
  externalId: string;
}

/** What every item someone sent us has: who they are, where it went, and any files. */
export interface SentInboundBase extends InboundBase {
  /** Sender; `address` is already normalised for identity lookup (lower-cased email, E.164 ...). */
  from: { address: string; name: string | null };
  to: string[];
  attachments: NormalizedAttachment[];
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
  claims?: { phone?: string; email?: string };
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

/** One inbound item as `normalize` returns it; `kind` says which fields it has. */
export type NormalizedInbound = InboundMessage | InboundAutoReply | InboundBounce | InboundCallEvent | InboundStatus;

/** Items a contact sent: everything but delivery reports. */
export type ContactInbound = Exclude<NormalizedInbound, InboundStatus>;

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

// --- Edges: how inbound reaches Parley -------------------------------------------------------

/** One inbound item an edge keeps durably (an InboundEvent), keyed for idempotency. */
export interface EdgeEvent {
  /** The provider's id of the item (with the channel, the idempotency key): a duplicate delivery is ignored. */
  key: string;
  /** Parsed form (JSON); or the bytes as received where they are the message (a raw email). */
  payload?: unknown;
  raw?: Buffer;
}

/** A request to a channel's webhook, as the generic edge hands it to the adapter: data only. */
export interface WebhookRequest extends VerifyInput {
  /** The path after /webhooks/<kind>/<channel id>: '' for the root, else one of the webhook's steps. */
  step: string;
  /** Where the provider reaches Parley (scheme, host and any path prefix; no trailing slash), for URLs in answers. */
  baseUrl: string;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
}

export interface WebhookOutcome {
  /** Kept before the answer goes out, so a provider's retry changes nothing. */
  events: EdgeEvent[];
  /** What the provider expects back (TwiML, JSON ...). */
  answer: HttpAnswer;
}

/** What a webhook may ask of the hub while it builds its answer. */
export interface WebhookServices {
  /** Whether the workspace's business calendar of that name is open now (no name: always open). */
  isOpen(calendarName: string | undefined): Promise<boolean>;
}

/** An older URL that names no channel: the channel is the one whose address the request names. */
export interface WebhookAlias {
  /** The path under /webhooks, e.g. 'twilio/messages'. */
  path: string;
  /** The step it stands for. */
  step: string;
  /** The address of ours the request names, or null when the request is not for this kind. */
  address(input: { rawBody: Buffer; headers: Record<string, string> }): string | null;
}

/** Pointing the provider at our webhook URL from Parley (Telegram's setWebhook). */
export interface WebhookRegistration {
  /** Settings to save before the provider hears of the URL (a generated secret), or null for none. */
  prepare(settings: unknown): Record<string, unknown> | null;
  register(settings: unknown, url: string): Promise<Verdict>;
}

export interface ChannelWebhook {
  /** The sub-paths the provider posts to ('' is the root); any other is 404. */
  readonly steps: readonly string[];
  /** Larger bodies are refused with 413. */
  readonly maxBodyBytes: number;
  /** Only these media types are taken (415 otherwise); absent: any. */
  readonly contentTypes?: readonly string[];
  /** A request that fails `adapter.verify` is kept for admins with these details only (never content a forger chose to be large or secret). */
  rejectedDetails(req: WebhookRequest): Record<string, string>;
  /** Pure over the request (and the services): what to keep and what to answer. */
  receive(req: WebhookRequest, channel: ChannelConfig, services: WebhookServices): Promise<WebhookOutcome>;
  readonly aliases?: readonly WebhookAlias[];
  readonly registration?: WebhookRegistration;
}

/** What the runtime gives a long-lived listener: its way to keep events and to find its channels. No database, no queue. */
export interface ListenerContext {
  log: ListenerLog;
  now(): Date;
  /** Keeps an event durably for a channel (a duplicate is ignored) and queues it for ingest; resolves once it is stored. */
  accept(channel: ChannelConfig, event: EdgeEvent): Promise<{ duplicate: boolean }>;
  /** The active channels of the listener's kind, with their per-channel state. */
  channels(): Promise<(ChannelConfig & { state: unknown })[]>;
  /** The active channel of the listener's kind with this (canonical) address. */
  channelByAddress(address: string): Promise<ChannelConfig | null>;
  /** The active channel of the listener's kind with this id. */
  channelById(id: string): Promise<ChannelConfig | null>;
  /** Merges `patch` into one section of a channel's state (an IMAP cursor, the last error); other sections are kept. */
  saveState(channelId: string, section: string, patch: Record<string, unknown>): Promise<void>;
  /** Runs `task` every `ms`, once per cluster (not once per process), until the listener stops. */
  every(name: string, ms: number, task: () => Promise<void>): Promise<void>;
  /** Instance settings the listeners read (ports, limits, intervals), from the environment. */
  settings: ListenerSettings;
  /** Services only the API process has (its socket.io server), null in worker processes. */
  api: ApiServices | null;
}

export interface ListenerLog {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): ListenerLog;
}

export interface ListenerSettings {
  smtpInbound: { enabled: boolean; host: string; port: number; maxBytes: number };
  imapPollSeconds: number;
  /** Development: poll every Telegram bot (not only those set to poll). */
  telegramPollingAll: boolean;
  /** Behind our own reverse proxy: a client's address is the first X-Forwarded-For entry. */
  trustProxy: boolean;
}

export interface RunningListener {
  /** What the runtime may report (a port it listens on). */
  readonly address?: { port: number };
  stop(): Promise<void>;
}

export interface InboundListener {
  /** Unique within its adapter ('smtp', 'imap' ...); with the kind, names the listener in logs and schedules. */
  readonly name: string;
  /** The API process serves connections; the worker process polls. */
  readonly runsIn: 'api' | 'workers';
  start(ctx: ListenerContext): Promise<RunningListener>;
}

/** What the API process lends listeners that serve its clients (the chat widget's socket namespace). */
export interface ApiServices {
  /** The API's socket.io server; a listener adds its own namespace. */
  io: SocketServer;
  /** Website visitors' sessions and what they may see, kept by the hub (src/domain/visitors). */
  visitors: VisitorDesk;
}

export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number };

/** The hub's side of a website visitor's session: identity, what they may read, and limits shared by all nodes. */
export interface VisitorDesk {
  /** The visitor this token belongs to on this channel, or null. */
  authenticate(channel: ChannelConfig, token: string): Promise<{ visitorId: string } | null>;
  /** A new visitor of the channel, with the token their widget keeps. */
  create(channel: ChannelConfig): Promise<{ visitorId: string; token: string }>;
  /** The visitor's own messages and the replies to them, oldest first. */
  history(channel: ChannelConfig, visitorId: string, limit: number): Promise<VisitorMessageView[]>;
  /** Whether someone can chat now, and where the visitor's conversation stands (queue place, wait). */
  status(channel: ChannelConfig, visitorId: string, opts: { calendarName: string | undefined; requireOnlineAgent: boolean }): Promise<VisitorStatus>;
  /** Shows the agents on the visitor's conversation whether the visitor is typing. */
  relayTyping(channel: ChannelConfig, visitorId: string, typing: boolean): Promise<void>;
  /** Takes one from a token bucket shared by every node (burst, refilled at perMinute). */
  take(key: string, rule: { burst: number; perMinute: number }): Promise<RateDecision>;
}
