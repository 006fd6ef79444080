// The agent namespace's socket.io protocol, typed once for the gateway (`Server<...>`), the Redis
// publisher (`Emitter<...>`) and the browser (`Socket<...>`, through src/contract): every event
// the server emits with its payload, and what the browser sends (checked by these schemas where
// it enters). Node-free: the web app's type check loads it.
import { z } from 'zod';
import type { PresenceEvent } from '../domain/agents/presence-view.ts';
import type { ConversationEventView } from '../domain/conversations/conversation-event-view.ts';
import type { ConversationSummary, MessageView } from '../domain/conversations/conversation-view.ts';
import type { InboundFailedEvent } from '../domain/inbound/inbound-event-view.ts';
import type { NotificationView } from '../domain/notifications/notification-view.ts';
import type { OfferView } from '../domain/routing/offer-view.ts';

export const joinPayload = z.object({ conversationId: z.string().min(1) });
export const typingPayload = z.object({ conversationId: z.string().min(1), typing: z.boolean() });

/** Someone in the conversation is typing (or stopped): another agent, or the customer on a live chat. */
export interface ConversationTypingEvent {
  conversationId: string;
  typing: boolean;
  by: { type: 'agent'; id: string; name: string } | { type: 'contact' };
}

/** A nudge for supervisor boards: queue numbers may have moved. */
export interface QueuesChangedEvent {
  conversationId: string;
  queueId: string | null;
  at: string;
}

/** To one agent: the teams they hear changed (their sockets moved rooms in place); views reload what they show. */
export interface AgentAccessEvent {
  teamIds: string[];
}

export interface ServerToClientEvents {
  'conversation.created': (summary: ConversationSummary) => void;
  'conversation.updated': (summary: ConversationSummary) => void;
  'conversation.assigned': (summary: ConversationSummary) => void;
  'message.created': (message: MessageView) => void;
  'message.updated': (message: MessageView) => void;
  /** An activity entry of the conversation's timeline (assignment, status, SLA, routing ...), before the summary it changed. */
  'conversation.activity': (event: ConversationEventView) => void;
  'conversation.typing': (event: ConversationTypingEvent) => void;
  /** To one agent: a mention, an SLA warning or breach, work nobody took, an agent gone offline with work. */
  'notification.created': (notification: NotificationView) => void;
  /** To the offered agent only. */
  'conversation.offered': (offer: OfferView) => void;
  /** To supervisors, and to the agent whose presence it is. */
  'agent.presence': (event: PresenceEvent) => void;
  'queues.changed': (event: QueuesChangedEvent) => void;
  'agent.access': (event: AgentAccessEvent) => void;
  /** To supervisors: an inbound event failed to process or a webhook request was refused. */
  'inbound.failed': (event: InboundFailedEvent) => void;
}

export interface JoinAnswer {
  ok: boolean;
  error?: string;
}

export interface ClientToServerEvents {
  /** Hear the conversation's typing (and its events once it leaves the agent's other rooms). */
  'conversation.join': (payload: z.input<typeof joinPayload>, ack?: (answer: JoinAnswer) => void) => void;
  'conversation.leave': (payload: z.input<typeof joinPayload>, ack?: (answer: JoinAnswer) => void) => void;
  'conversation.typing': (payload: z.input<typeof typingPayload>) => void;
}

export type ServerEventName = keyof ServerToClientEvents;

/** What a browser may send, as a value: the gateway registers exactly these (and refuses anything else). */
export const agentClientEvents = ['conversation.join', 'conversation.leave', 'conversation.typing'] as const satisfies readonly (keyof ClientToServerEvents)[];
export type AgentClientEventName = (typeof agentClientEvents)[number];
type UnlistedClientEvent = Exclude<keyof ClientToServerEvents, AgentClientEventName>;
/** Fails the type check, naming the event, when ClientToServerEvents has one agentClientEvents lacks. */
export const agentClientEventsListed: [UnlistedClientEvent] extends [never] ? true : UnlistedClientEvent = true;
