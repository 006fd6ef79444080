// The /visitor namespace's events and payloads, as the server defines them once in
// channels/webchat/protocol.ts (type-only: nothing of it is bundled).
import type { Socket } from 'socket.io-client';
import type { VisitorClientToServerEvents, VisitorServerToClientEvents } from '../../../channels/webchat/protocol.ts';

export type {
  VisitorMessageView as VisitorMessage,
  VisitorRequest,
  VisitorSession as Session,
  VisitorStatus as Status,
} from '../../../channels/webchat/protocol.ts';
export type { VisitorClientToServerEvents, VisitorServerToClientEvents };

/** The widget's socket, typed both ways. */
export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
