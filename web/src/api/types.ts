// The API's JSON shapes as the browser receives them (dates are ISO strings). Mirrors
// src/domain/*/…-view.ts on the server.
export type Role = 'agent' | 'supervisor' | 'admin';
/** A kind of channel the server's registry lists (GET /api/channel-kinds). */
export type ChannelKind = string;
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type MessageKind = 'message' | 'note' | 'event' | 'auto_reply' | 'bounce';
export type DeliveryStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';

export const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];

export type Presence = 'online' | 'away' | 'offline';
export const PRESENCES: Presence[] = ['online', 'away', 'offline'];

export interface Me {
  id: string;
  name: string;
  email: string;
  role: Role;
  workspaceId: string;
  teamIds: string[];
  presence: Presence;
  presenceChangedAt: string;
}

export interface Agent {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  teamIds: string[];
}

export interface Team {
  id: string;
  name: string;
  leadAgentId: string | null;
  memberIds: string[];
}

export interface Channel {
  id: string;
  kind: ChannelKind;
  name: string;
  address: string;
  active: boolean;
  /** How many bytes of files a reply may carry on this channel; null when it sends no files. */
  maxReplyFileBytes: number | null;
  /** Approved templates (SMS / WhatsApp) agents may send, e.g. after WhatsApp's 24-hour window. */
  templates: MessageTemplate[];
}

export interface MessageTemplate {
  name: string;
  contentSid: string;
  /** The text with placeholders {{1}}, {{2}} ... */
  body: string;
  variables: { key: string; label: string }[];
}

export interface CannedResponse {
  id: string;
  shortcut: string;
  title: string;
  body: string;
}

export interface Sla {
  state: 'green' | 'amber' | 'red';
  dueAt: string | null;
  metric: string;
  /** Every running clock waits on the customer. */
  paused?: boolean;
}

export interface ConversationSummary {
  id: string;
  number: number;
  status: ConversationStatus;
  priority: Priority;
  tags?: string[];
  subject: string | null;
  channel: { id: string; kind: ChannelKind; name: string; address: string };
  contact: { id: string; name: string | null; email: string | null; phone: string | null };
  assignee: { id: string; name: string; email: string } | null;
  team: { id: string; name: string } | null;
  messageCount: number;
  lastMessageAt: string;
  lastInboundAt: string | null;
  waitingSince: string | null;
  snoozedUntil: string | null;
  resolvedAt: string | null;
  createdAt: string;
  lastMessage: { id: string; direction: 'in' | 'out'; kind: MessageKind; text: string; createdAt: string } | null;
  /** Present once the server computes SLA state for summaries. */
  sla?: Sla | null;
  /** Only on list items: whether the viewer has unread customer messages here. */
  unread?: boolean;
  /** Routing: the queue it waits (or waited) in, since when, and a live offer if any. */
  queue?: { id: string; name: string } | null;
  queuedAt?: string | null;
  offeredAgentId?: string | null;
  offerExpiresAt?: string | null;
}

export interface Attachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  inline: boolean;
  contentId: string | null;
}

export interface Message {
  id: string;
  conversationId: string;
  channelId: string;
  direction: 'in' | 'out';
  kind: MessageKind;
  author: { type: 'agent' | 'contact'; id: string; name: string | null } | null;
  subject: string | null;
  text: string;
  quotedText: string | null;
  html: string | null;
  externalId: string | null;
  deliveryStatus: DeliveryStatus | null;
  deliveryError: string | null;
  sentAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
  attachments: Attachment[];
  metadata: Record<string, unknown>;
}

export interface ConversationDetail extends ConversationSummary {
  messages: Message[];
}

export type AttributeValue = string | number | boolean | null;

export interface ContactDetail {
  id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  tier: string | null;
  lifecycleStage: string | null;
  tags: string[];
  attributes: Record<string, AttributeValue>;
  createdAt: string;
  identities: { id: string; channelKind: ChannelKind; address: string; displayName: string | null; optedOutAt: string | null }[];
  conversations: { id: string; number: number; subject: string | null; status: ConversationStatus; channel: { id: string; kind: ChannelKind; name: string }; createdAt: string; lastMessageAt: string }[];
}

export interface AppNotification {
  id: string;
  kind: string;
  conversationId: string | null;
  data: {
    noteId?: string;
    by?: { id: string; name: string } | null;
    conversationNumber?: number;
    subject?: string | null;
    excerpt?: string;
    /** sla.warning, sla.breach, routing.unassigned */
    number?: number;
    metric?: string;
    minutesLeft?: number;
    queue?: string | null;
    /** agent.offline-with-work */
    agentId?: string;
    count?: number;
  };
  createdAt: string;
}

/** `agent.presence` over the socket. */
export interface PresenceEvent {
  agentId: string;
  presence: Presence;
  at: string;
}

/** `conversation.offered` over the socket, to the offered agent only. */
export interface OfferEvent {
  conversation: ConversationSummary;
  expiresAt: string;
}

export interface BoardQueue {
  id: string;
  name: string;
  mode: 'push' | 'offer';
  waiting: number;
  longestWaitSeconds: number;
  byPriority: Record<Priority, number>;
  slaAtRisk: number;
  slaBreached: number;
  eligibleAgents: number;
  availableAgents: number;
}

export interface BoardAgent {
  id: string;
  name: string;
  role: Role;
  presence: Presence;
  capacity: number;
  load: number;
  openConversations: number;
}

export interface BoardToday {
  since: string;
  conversations: number;
  resolved: number;
  slaBreaches: number;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
  volumeByHour: { hour: number; channel: ChannelKind; count: number }[];
}

/** GET /api/supervisor/board */
export interface Board {
  at: string;
  queues: BoardQueue[];
  agents: BoardAgent[];
  today: BoardToday;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A part of a search snippet: text, and whether it is a word the search matched. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** A conversation found by search; `match` is the newest message that has the words, if one does. */
export type SearchHit = ConversationSummary & { match: { messageId: string; snippet: SnippetPart[] } | null };

/** A channel as admins see it: with its settings, secrets shown as "••••••••". */
export interface AdminChannel {
  id: string;
  kind: ChannelKind;
  name: string;
  address: string;
  active: boolean;
  settings: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** One setting in a channel kind's admin form (a dotted path into the settings object). */
export interface SettingField {
  path: string;
  label: string;
  type: 'text' | 'secret' | 'number' | 'checkbox' | 'list' | 'textarea';
  hint?: string;
  required?: boolean;
  /** What the channel does while a checkbox was never set. */
  default?: boolean;
}

/** GET /api/channel-kinds: what one kind of channel is, from the server's registry. */
export interface ChannelKindInfo {
  kind: ChannelKind;
  label: string;
  shortLabel: string;
  icon: { path: string; colour: string };
  addressHint: string;
  form: SettingField[];
  live: boolean;
  maxReplyFileBytes: number | null;
  templates: boolean;
  identityLabel: string | null;
}
