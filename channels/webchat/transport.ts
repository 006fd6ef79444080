// How the webchat adapter reaches visitors: events to the room of one visitor on the /visitor
// socket.io namespace, through Redis so whichever node holds their socket delivers them.
import type { VisitorMessageView } from '../../src/domain/visitors/visitor-message-view.ts';

export const VISITOR_NAMESPACE = '/visitor';

export const visitorRoom = (visitorId: string): string => `visitor:${visitorId}`;

export interface VisitorEvents {
  message: VisitorMessageView;
  typing: { typing: boolean; name: string | null };
}

export interface VisitorTransport {
  /** false when the event could not be handed to Redis (it is away). */
  emit<E extends keyof VisitorEvents>(visitorId: string, event: E, payload: VisitorEvents[E]): boolean;
}
