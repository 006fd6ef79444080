// The socket.io gateway: authenticates with the same session as the API, puts each socket in the
// rooms its agent may hear (and its session's room, so ending the session closes it), and shares
// events across nodes through the Redis adapter. A socket lives only as long as its session: every
// event it sends re-reads the session (and the agent's role and teams), and every
// `sessionCheckMs` each node re-checks all of its sockets, closing those whose session ended or
// expired, so a socket outlives its session by at most that interval even if the message that
// should have closed it was lost.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server, type Socket } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { loadLiveSessions } from '../domain/auth/live-sessions.ts';
import { authenticate } from '../domain/auth/sessions.ts';
import type { AuthenticatedAgent } from '../domain/auth/viewer.ts';
import { loadVisibleConversation } from '../domain/conversations/visibility.ts';
import { AppError } from '../errors.ts';
import { SESSION_COOKIE } from '../http/context.ts';
import { sessionToken } from '../http/auth-middleware.ts';
import type { Logger } from '../log.ts';
import type { Redis } from '../redis.ts';
import { agentClientEvents, joinPayload, typingPayload, type AgentClientEventName, type ClientToServerEvents, type JoinAnswer, type ServerToClientEvents } from './agent-protocol.ts';
import { roomsForAgent, shutOutNonViewers } from './agent-rooms.ts';
import { rooms } from './events.ts';
import { admitHandshake } from './handshake-origin.ts';
import { realtimeKey } from './redis-publisher.ts';

export interface GatewayDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  pubClient: Redis;
  subClient: Redis;
  prefix: string;
  /** How often this node re-checks its sockets' sessions (the bound on an expired session's socket); 30 s unless told. */
  sessionCheckMs?: number;
  /** Pages that may use the agent cookie (origin-policy.ts); a handshake from any other origin arrives without it. */
  allowedOrigins: ReadonlySet<string>;
  /** A session unused this long is over (SESSION_IDLE_MINUTES). */
  sessionIdleMinutes: number;
  /** Presence follows connections: the first socket brings an offline agent online, and when the last one has been gone for `offlineGraceMs` (a page reload is not leaving) they go offline. */
  presence?: { onConnected(agent: AuthenticatedAgent): Promise<void>; onGone(agent: AuthenticatedAgent): Promise<void>; offlineGraceMs: number };
  /** Shows the customer that an agent is typing, on channels that can (the chat widget). */
  relayTyping?(input: { conversationId: string; typing: boolean; agentName: string }): Promise<unknown>;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  return header
    ?.split(';')
    .map((p) => p.trim().split('='))
    .find(([k]) => k === name)?.[1];
}

/** What the handshake puts on every agent socket (kept current by the session checks). */
export interface AgentSocketData {
  agent: AuthenticatedAgent;
}

/** The server's side of agent-protocol.ts (the browser's is `Socket<ServerToClientEvents, ClientToServerEvents>`). */
export type AgentServer = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, AgentSocketData>;
type AgentSocket = Socket<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, AgentSocketData>;
type NoInterServerEvents = Record<string, never>;
type Ack = (answer: JoinAnswer) => void;
type Handler = (socket: AgentSocket, agent: AuthenticatedAgent, raw: unknown, ack: Ack | undefined) => Promise<void>;

/** The conversation if the agent may see it, else null; a database failure is thrown (and answered as one), not taken for "not found". */
async function visibleOrNull(db: Db, agent: AuthenticatedAgent, conversationId: string) {
  try {
    return await loadVisibleConversation(db, agent, conversationId);
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') return null;
    throw err;
  }
}

/** Moves a socket into the rooms of its agent as they are now (role or teams may have changed). */
function applyAgent(socket: AgentSocket, agent: AuthenticatedAgent): void {
  const before = roomsForAgent(socket.data.agent);
  const now = roomsForAgent(agent);
  for (const room of before) if (!now.includes(room)) void socket.leave(room);
  void socket.join(now);
  socket.data.agent = agent;
}

export function createGateway(server: HttpServer, deps: GatewayDeps): AgentServer {
  const io: AgentServer = new Server(server, { path: '/socket.io', serveClient: false, allowRequest: admitHandshake(deps.allowedOrigins) });
  io.adapter(createAdapter(deps.pubClient, deps.subClient, { key: realtimeKey(deps.prefix) }));

  io.use(async (socket, next) => {
    const authToken = typeof socket.handshake.auth.token === 'string' ? socket.handshake.auth.token : undefined;
    const token = authToken ?? sessionToken(socket.handshake.headers.authorization, cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE));
    const agent = token ? await authenticate(deps.db, token, { now: deps.clock.now(), idleMinutes: deps.sessionIdleMinutes }).catch(() => null) : null;
    if (!agent) return next(new Error('unauthenticated'));
    socket.data.agent = agent;
    next();
  });

  /** The socket's agent as its session says now (rooms moved if that changed), or null when the session is over. */
  async function currentAgent(socket: AgentSocket): Promise<AuthenticatedAgent | null> {
    const live = (await loadLiveSessions(deps.db, [socket.data.agent.sessionId], deps.clock.now(), deps.sessionIdleMinutes)).get(socket.data.agent.sessionId);
    if (live) applyAgent(socket, live);
    return live ?? null;
  }

  const handlers = {
    'conversation.join': async (socket, agent, raw, ack) => {
      const parsed = joinPayload.safeParse(raw);
      if (!parsed.success) return ack?.({ ok: false, error: 'conversationId is required' });
      const { conversationId } = parsed.data;
      const visible = async () => (await visibleOrNull(deps.db, agent, conversationId)) !== null;
      if (!(await visible())) return ack?.({ ok: false, error: 'Conversation not found' });
      await socket.join(rooms.conversation(conversationId));
      // Looked at again once in the room: a move that committed meanwhile may have shut the room before we joined it.
      if (!(await visible())) {
        await socket.leave(rooms.conversation(conversationId));
        return ack?.({ ok: false, error: 'Conversation not found' });
      }
      ack?.({ ok: true });
    },
    // An agent typing: the other agents in the conversation see it, and so does the customer where the channel can show it.
    'conversation.typing': async (socket, agent, raw) => {
      const parsed = typingPayload.safeParse(raw);
      if (!parsed.success) return;
      const { conversationId, typing } = parsed.data;
      const c = await visibleOrNull(deps.db, agent, conversationId);
      if (!c) return;
      shutOutNonViewers(io, c);
      socket.to(rooms.conversation(conversationId)).emit('conversation.typing', { conversationId, typing, by: { type: 'agent', id: agent.agentId, name: agent.name } });
      deps.relayTyping?.({ conversationId, typing, agentName: agent.name }).catch((err: unknown) => deps.log.warn({ err, conversationId }, 'could not show typing to the customer'));
    },
    'conversation.leave': async (socket, _agent, raw, ack) => {
      const parsed = joinPayload.safeParse(raw);
      if (!parsed.success) return ack?.({ ok: false, error: 'conversationId is required' });
      await socket.leave(rooms.conversation(parsed.data.conversationId));
      ack?.({ ok: true });
    },
  } satisfies Record<AgentClientEventName, Handler>;

  io.on('connection', (socket) => {
    const agent = socket.data.agent;
    void socket.join([...roomsForAgent(agent), rooms.session(agent.sessionId)]);
    if (deps.presence) watchPresence(io, socket, deps.presence, deps.log);
    for (const name of agentClientEvents) {
      socket.on(name, (raw: unknown, ack?: Ack) => {
        const reply = typeof ack === 'function' ? ack : undefined;
        currentAgent(socket)
          .then(async (now) => {
            if (now) return handlers[name](socket, now, raw, reply);
            reply?.({ ok: false, error: 'Your session has ended; log in again' });
            socket.disconnect(true);
          })
          .catch((err: unknown) => {
            deps.log.warn({ err, event: name, agentId: agent.agentId }, 'agent socket event failed');
            reply?.({ ok: false, error: 'Something went wrong; please try again' });
          });
      });
    }
    // Anything else (a visitor's events, a typo) is refused, never ignored silently.
    socket.onAny((event: string, ...args: unknown[]) => {
      if ((agentClientEvents as readonly string[]).includes(event)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as Ack)({ ok: false, error: `unknown event ${event}` });
    });
  });

  let checking = false;
  const check = setInterval(() => {
    if (checking) return; // a slow check is not stacked on
    checking = true;
    checkLocalSessions(io, deps)
      .catch((err: unknown) => deps.log.warn({ err }, 'could not check the sockets’ sessions'))
      .finally(() => {
        checking = false;
      });
  }, deps.sessionCheckMs ?? 30_000);
  check.unref();
  server.once('close', () => clearInterval(check));
  return io;
}

const CHECK_BATCH = 500;

/** This node's sockets against their sessions, a query per 500: ended ones close, changed agents move rooms. */
async function checkLocalSessions(io: AgentServer, deps: Pick<GatewayDeps, 'db' | 'clock' | 'sessionIdleMinutes'>): Promise<void> {
  const sockets = [...io.of('/').sockets.values()];
  for (let i = 0; i < sockets.length; i += CHECK_BATCH) {
    const batch = sockets.slice(i, i + CHECK_BATCH);
    const live = await loadLiveSessions(
      deps.db,
      batch.map((s) => s.data.agent.sessionId),
      deps.clock.now(),
      deps.sessionIdleMinutes,
    );
    for (const socket of batch) {
      const agent = live.get(socket.data.agent.sessionId);
      if (agent) applyAgent(socket, agent);
      else socket.disconnect(true);
    }
  }
}

function watchPresence(io: AgentServer, socket: AgentSocket, presence: NonNullable<GatewayDeps['presence']>, log: Logger): void {
  const agent = socket.data.agent;
  presence.onConnected(agent).catch((err: unknown) => log.warn({ err, agentId: agent.agentId }, 'could not set presence on connect'));
  socket.on('disconnect', () => {
    const timer = setTimeout(() => {
      io.in(rooms.agent(agent.agentId))
        .fetchSockets()
        .then((left) => (left.length === 0 ? presence.onGone(agent) : undefined))
        .catch((err: unknown) => log.warn({ err, agentId: agent.agentId }, 'could not set presence on disconnect'));
    }, presence.offlineGraceMs);
    timer.unref();
  });
}
