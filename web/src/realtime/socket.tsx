// One socket.io connection per logged-in tab (same origin, the session cookie authenticates it),
// with a tiny subscribe API and the connection state for the "reconnecting" banner. The events and
// their payloads are the server's (src/realtime/agent-protocol.ts, through api/types.ts).
import { createContext, useContext, useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { AgentClientEvents, AgentServerEvents } from '../api/types.ts';

export type AgentSocket = Socket<AgentServerEvents, AgentClientEvents>;
export type ServerEvent = keyof AgentServerEvents;

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface Realtime {
  socket: AgentSocket | null;
  state: ConnectionState;
  /** Bumps on every (re)connect after the first, so views refetch what they may have missed. */
  epoch: number;
}

export const RealtimeContext = createContext<Realtime>({ socket: null, state: 'connecting', epoch: 0 });

/** `stillLoggedIn` is asked when the gateway refuses the handshake: false ends the session, true retries. */
export function useRealtimeConnection(enabled: boolean, stillLoggedIn: () => Promise<boolean>): Realtime {
  const [state, setState] = useState<ConnectionState>('connecting');
  const [epoch, setEpoch] = useState(0);
  const [socket, setSocket] = useState<AgentSocket | null>(null);
  const check = useRef(stillLoggedIn);
  check.current = stillLoggedIn;

  useEffect(() => {
    if (!enabled) return;
    const s: AgentSocket = io({ path: '/socket.io', withCredentials: true, transports: ['websocket', 'polling'] });
    let connectedOnce = false;
    let closed = false;
    s.on('connect', () => {
      setState('connected');
      if (connectedOnce) setEpoch((e) => e + 1);
      connectedOnce = true;
    });
    // The teams this agent hears changed (the socket moved rooms in place): views reload as after a reconnect.
    s.on('agent.access', () => setEpoch((e) => e + 1));
    s.on('disconnect', (reason) => {
      setState('disconnected');
      // The server closed it on purpose: the session ended (then the app returns to the login
      // page), or what this agent may hear changed (role, teams) and a new connection gets it.
      if (reason === 'io server disconnect') {
        void check.current().then((ok) => {
          if (ok && !closed) s.connect();
        });
      }
    });
    let retry: ReturnType<typeof setTimeout> | undefined;
    s.on('connect_error', (err) => {
      setState('disconnected');
      // A refused handshake is not retried by socket.io itself: ask the API whether the session
      // is gone (then the app returns to the login page) or the refusal was a passing failure.
      if (s.active) return;
      void check.current().then((ok) => {
        if (ok) retry = setTimeout(() => s.connect(), 3000);
      });
      void err;
    });
    setSocket(s);
    return () => {
      closed = true;
      clearTimeout(retry);
      s.removeAllListeners();
      s.disconnect();
      setSocket(null);
    };
  }, [enabled]);
  return { socket, state, epoch };
}

export function useRealtime(): Realtime {
  return useContext(RealtimeContext);
}

type Payload<E extends ServerEvent> = Parameters<AgentServerEvents[E]>[0];

/** Subscribes to one server event for the lifetime of the component; the handler may change freely. */
export function useSocketEvent<E extends ServerEvent>(event: E, handler: (payload: Payload<E>) => void): void {
  const { socket } = useRealtime();
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!socket) return;
    // socket.io's typings cannot tie a generic event name to its listener; Payload reads the same map.
    const listener = ((payload: Payload<E>) => ref.current(payload)) as never;
    socket.on(event, listener);
    return () => {
      socket.off(event, listener);
    };
  }, [socket, event]);
}
