// The visitor's socket: the /visitor namespace of Parley's socket.io server, authenticated by the
// stored token (a new one arrives in the session event), reconnecting on its own.
import { io } from 'socket.io-client';
import type { Session, Status, VisitorClientToServerEvents, VisitorMessage, VisitorRequest, VisitorSocket } from './protocol.ts';
import { loadToken, saveToken } from './storage.ts';

type Payload<E extends VisitorRequest> = Parameters<VisitorClientToServerEvents[E]>[0];
type AnswerTo<E extends VisitorRequest> = Parameters<Parameters<VisitorClientToServerEvents[E]>[1]>[0];

export interface Connection {
  socket: VisitorSocket;
  call<E extends VisitorRequest>(event: E, payload: Payload<E>): Promise<AnswerTo<E>>;
  history(): Promise<VisitorMessage[]>;
  status(): Promise<Status | null>;
  close(): void;
}

export function connect(opts: { server: string; channel: string; onSession(s: Session): void }): Connection {
  const socket: VisitorSocket = io(`${opts.server}/visitor`, {
    path: '/socket.io',
    transports: ['websocket'],
    // Read on every (re)connect, so a token issued on the first connect is used from then on.
    auth: (cb) => cb({ channel: opts.channel, token: loadToken(opts.channel) ?? undefined }),
  });
  socket.on('session', (s) => {
    if (s.token) saveToken(opts.channel, s.token);
    opts.onSession(s);
  });
  const call = <E extends VisitorRequest>(event: E, payload: Payload<E>): Promise<AnswerTo<E>> => {
    // socket.io's typings cannot tie a generic event name to its payload; Payload and AnswerTo read the same map.
    const timed = socket.timeout(10_000) as unknown as { emitWithAck(event: E, payload: Payload<E>): Promise<AnswerTo<E>> };
    return timed.emitWithAck(event, payload).catch(() => ({
      ok: false as const,
      error: { code: 'timeout', message: 'No answer from the chat server; check your connection' },
    }));
  };
  return {
    socket,
    call,
    async history() {
      const answer = await call('visitor.history', {});
      return answer.ok ? answer.messages : [];
    },
    async status() {
      const answer = await call('visitor.status', {});
      return answer.ok ? answer : null;
    },
    close: () => socket.disconnect(),
  };
}
