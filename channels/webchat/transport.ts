// How the webchat adapter reaches visitors: events to the room of one visitor on the /visitor
// socket.io namespace, through Redis so whichever node holds their socket delivers them.
import type { VisitorMessageView, VisitorTypingEvent } from './protocol.ts';

export const VISITOR_NAMESPACE = '/visitor';

export const visitorRoom = (visitorId: string): string => `visitor:${visitorId}`;

export interface VisitorEvents {
  message: VisitorMessageView;
  typing: VisitorTypingEvent;
}

export interface VisitorTransport {
  /** false when the event could not be handed to Redis (it is away). */
  emit<E extends keyof VisitorEvents>(visitorId: string, event: E, payload: VisitorEvents[E]): boolean;
}
