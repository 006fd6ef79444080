// The /visitor socket.io namespace between the chat widget (web/widget) and the server, typed
// once: what the server emits to a visitor, what the widget asks (each with its acknowledgement)
// and the message as a visitor sees it. Type-only and node-free: the widget's type check loads it,
// its bundle gets nothing of it.
import type { VisitorMessagePayload, WebchatSettings } from './schema.ts';

/**
 * A message as a website chat visitor sees it: text only (the widget never renders HTML), who
 * wrote it as a display name, never internal notes, ids or delivery details.
 */
export interface VisitorMessageView {
  id: string;
  /** The widget's own id for a message the visitor sent (to match its optimistic copy). */
  clientId: string | null;
  direction: 'in' | 'out';
  text: string;
  author: { name: string | null } | null;
  createdAt: string;
}

/** Sent on every connect: who the visitor is and how the channel's chat looks. */
export interface VisitorSession {
  visitorId: string;
  /** Set when the server issued a new token (first visit, or an unknown token). */
  token: string | null;
  channel: Pick<WebchatSettings, 'title' | 'prechat' | 'maxMessageLength'> & { greeting: string | null };
  /** The workspace's public help center (`/api/help/<helpCenter>/search`), offered before the visitor writes. */
  helpCenter: string;
}

/** Whether the chat is answered now, and where the visitor's conversation stands. */
export interface VisitorStatus {
  available: boolean;
  reason: 'closed' | 'nobody-online' | null;
  conversation: { status: string; assigned: boolean } | null;
  waiting: { position: number; estimatedWaitSeconds: number | null } | null;
}

/** An agent typing (or stopped) in the visitor's conversation. */
export interface VisitorTypingEvent {
  typing: boolean;
  name: string | null;
}

export interface VisitorRefusal {
  code: string;
  message: string;
  /** Sent too quickly: try again after this long. */
  retryAfterMs?: number;
}

/** Every request's acknowledgement: what was asked for, or why not. */
export type Answer<T> = ({ ok: true } & T) | { ok: false; error: VisitorRefusal };

/** What the visitor writes: the message, and the pre-chat form's fields when it was shown. */
export type VisitorMessageInput = Pick<VisitorMessagePayload, 'clientId' | 'text' | 'name' | 'email' | 'topic'>;

export interface VisitorServerToClientEvents {
  session: (session: VisitorSession) => void;
  /** A reply from an agent, or the visitor's own message sent from another tab. */
  message: (message: VisitorMessageView) => void;
  typing: (event: VisitorTypingEvent) => void;
}

type NoPayload = Record<string, never>;

export interface VisitorClientToServerEvents {
  'visitor.history': (payload: NoPayload, ack: (answer: Answer<{ messages: VisitorMessageView[] }>) => void) => void;
  'visitor.status': (payload: NoPayload, ack: (answer: Answer<VisitorStatus>) => void) => void;
  'visitor.message': (payload: VisitorMessageInput, ack: (answer: Answer<{ clientId: string; duplicate: boolean }>) => void) => void;
  /** The offline form (outside hours, nobody online): name and email are needed. */
  'visitor.offline': (payload: VisitorMessageInput & { name: string; email: string }, ack: (answer: Answer<{ clientId: string; duplicate: boolean }>) => void) => void;
  'visitor.typing': (payload: { typing: boolean }) => void;
}

/** What a widget may send, as a value: the listener serves exactly these and refuses anything else. */
export const visitorClientEvents = ['visitor.history', 'visitor.status', 'visitor.message', 'visitor.offline', 'visitor.typing'] as const satisfies readonly (keyof VisitorClientToServerEvents)[];
type UnlistedVisitorEvent = Exclude<keyof VisitorClientToServerEvents, (typeof visitorClientEvents)[number]>;
/** Fails the type check, naming the event, when VisitorClientToServerEvents has one visitorClientEvents lacks. */
export const visitorClientEventsListed: [UnlistedVisitorEvent] extends [never] ? true : UnlistedVisitorEvent = true;

/** The requests the server acknowledges. */
export type VisitorRequest = 'visitor.history' | 'visitor.status' | 'visitor.message' | 'visitor.offline';
