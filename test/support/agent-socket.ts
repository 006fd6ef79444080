// Agents' sockets for realtime tests: connect as the browser does (the session cookie) or as an
// API client (auth.token), record what arrives, and tell how the connection ended.
import { io as ioClient, type Socket } from 'socket.io-client';
import { SESSION_COOKIE } from '../../src/http/context.ts';

export interface AgentSocket {
  socket: Socket;
  /** Every server event received, in order. */
  events: { name: string; payload: any }[];
  /** Resolves with the disconnect reason ('io server disconnect' when the server closed it). */
  disconnected: Promise<string>;
  heard(name: string, match?: (payload: any) => boolean): boolean;
  ack(event: string, payload: unknown, timeoutMs?: number): Promise<any>;
  close(): void;
}

export type Credential = { token: string } | { cookie: string } | Record<string, never>;

/** Connects (no reconnection) and resolves once connected, or with the refusal's message. */
export async function connectAgent(apiUrl: string, cred: Credential): Promise<AgentSocket | { refused: string }> {
  const socket = ioClient(apiUrl, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: 'token' in cred ? { token: cred.token } : {},
    extraHeaders: 'cookie' in cred ? { cookie: `${SESSION_COOKIE}=${cred.cookie}` } : {},
  });
  const events: AgentSocket['events'] = [];
  socket.onAny((name: string, payload: unknown) => events.push({ name, payload }));
  const disconnected = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
  const outcome = await new Promise<true | string>((resolve) => {
    socket.once('connect', () => resolve(true));
    socket.once('connect_error', (err) => resolve(err.message));
  });
  if (outcome !== true) {
    socket.close();
    return { refused: outcome };
  }
  return {
    socket,
    events,
    disconnected,
    heard: (name, match = () => true) => events.some((e) => e.name === name && match(e.payload)),
    ack: (event, payload, timeoutMs = 5000) => socket.timeout(timeoutMs).emitWithAck(event, payload),
    close: () => socket.close(),
  };
}

/** Connects and fails the test when the handshake is refused. */
export async function mustConnect(apiUrl: string, cred: Credential): Promise<AgentSocket> {
  const s = await connectAgent(apiUrl, cred);
  if ('refused' in s) throw new Error(`the socket was refused: ${s.refused}`);
  return s;
}

/** The disconnect reason, or 'still connected' if the socket is open after `ms`. */
export function disconnectedWithin(s: AgentSocket, ms: number): Promise<string> {
  return Promise.race([s.disconnected, new Promise<string>((r) => setTimeout(() => r('still connected'), ms))]);
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
