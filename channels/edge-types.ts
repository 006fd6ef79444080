// How inbound reaches Parley, as adapters declare it: a webhook served by one generic route, and
// long-lived listeners (an SMTP server, pollers, a socket namespace) the runtime starts. Neither
// sees the database or a queue: the hub hands them what they may use.
import type { Server as SocketServer } from 'socket.io';
import type { ChannelConfig, Verdict, VerifyInput } from './types.ts';
import type { VisitorMessageView, VisitorStatus } from './webchat/protocol.ts';

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
  /** Takes or keeps a cluster-wide lease on `name` for this process (renewed while it runs); false while another process holds it. Workers only. */
  claim(name: string): Promise<boolean>;
  /** Gives up a lease taken with `claim`. */
  release(name: string): Promise<void>;
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
  /** closeTimeoutMs: at shutdown, how long open sessions may take to finish before they are told 421. */
  smtpInbound: { enabled: boolean; host: string; port: number; maxBytes: number; closeTimeoutMs: number };
  imapPollSeconds: number;
  /** Development: poll every Telegram bot (not only those set to poll). */
  telegramPollingAll: boolean;
  /** Behind our own reverse proxy: a client's address is the first X-Forwarded-For entry. */
  trustProxy: boolean;
}

export interface RunningListener {
  /** What the runtime may report (the port it listens on, and the address when bound to one); readiness connects to it. */
  readonly address?: { port: number; host?: string };
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
