// The visitor's socket: the /visitor namespace of Parley's socket.io server, authenticated by the
// stored token (a new one arrives in the session event), reconnecting on its own.
import { io, type Socket } from 'socket.io-client';
import type { Answer, Session, Status, VisitorMessage } from './protocol.ts';
import { loadToken, saveToken } from './storage.ts';

export interface Connection {
  socket: Socket;
  call<T>(event: string, payload?: unknown): Promise<Answer<T>>;
  history(): Promise<VisitorMessage[]>;
  status(): Promise<Status | null>;
  close(): void;
}

export function connect(opts: { server: string; channel: string; onSession(s: Session): void }): Connection {
  const socket = io(`${opts.server}/visitor`, {
    path: '/socket.io',
    transports: ['websocket'],
    // Read on every (re)connect, so a token issued on the first connect is used from then on.
    auth: (cb) => cb({ channel: opts.channel, token: loadToken(opts.channel) ?? undefined }),
  });
  socket.on('session', (s: Session) => {
    if (s.token) saveToken(opts.channel, s.token);
    opts.onSession(s);
  });
  const call = <T>(event: string, payload: unknown = {}) =>
    socket
      .timeout(10_000)
      .emitWithAck(event, payload)
      .catch(() => ({ ok: false as const, error: { code: 'timeout', message: 'No answer from the chat server; check your connection' } })) as Promise<Answer<T>>;
  return {
    socket,
    call,
    async history() {
      const answer = await call<{ messages: VisitorMessage[] }>('visitor.history');
      return answer.ok ? answer.messages : [];
    },
    async status() {
      const answer = await call<Status>('visitor.status');
      return answer.ok ? answer : null;
    },
    close: () => socket.disconnect(),
  };
}
