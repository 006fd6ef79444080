// The socket.io gateway: authenticates with the same session as the API, puts each socket in the
// rooms its agent may hear, and shares events across nodes through the Redis adapter.
import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Server } from 'socket.io';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { authenticate } from '../domain/auth/sessions.ts';
import { isSupervisor, type AuthenticatedAgent } from '../domain/auth/viewer.ts';
import { loadVisibleConversation } from '../domain/conversations/visibility.ts';
import { SESSION_COOKIE } from '../http/context.ts';
import { sessionToken } from '../http/auth-middleware.ts';
import type { Logger } from '../log.ts';
import type { Redis } from '../redis.ts';
import { joinPayload, typingPayload, type ClientToServerEvents, type JoinAnswer, type ServerToClientEvents } from './agent-protocol.ts';
import { rooms } from './events.ts';
import { realtimeKey } from './redis-publisher.ts';

export interface GatewayDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  pubClient: Redis;
  subClient: Redis;
  prefix: string;
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

export function roomsForAgent(a: AuthenticatedAgent): string[] {
  if (isSupervisor(a)) return [rooms.agent(a.agentId), rooms.supervisors(a.workspaceId)];
  return [rooms.agent(a.agentId), rooms.unteamed(a.workspaceId), ...a.teamIds.map((t) => rooms.team(a.workspaceId, t))];
}

/** What the handshake puts on every agent socket. */
export interface AgentSocketData {
  agent: AuthenticatedAgent;
}

/** The server's side of agent-protocol.ts (the browser's is `Socket<ServerToClientEvents, ClientToServerEvents>`). */
export type AgentServer = Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, AgentSocketData>;

type NoInterServerEvents = Record<string, never>;

export function createGateway(server: HttpServer, deps: GatewayDeps): AgentServer {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, NoInterServerEvents, AgentSocketData>(server, { path: '/socket.io', serveClient: false });
  io.adapter(createAdapter(deps.pubClient, deps.subClient, { key: realtimeKey(deps.prefix) }));

  io.use(async (socket, next) => {
    const authToken = typeof socket.handshake.auth.token === 'string' ? socket.handshake.auth.token : undefined;
    const token = authToken ?? sessionToken(socket.handshake.headers.authorization, cookieValue(socket.handshake.headers.cookie, SESSION_COOKIE));
    const agent = token ? await authenticate(deps.db, token, { now: deps.clock.now(), idleMinutes: deps.sessionIdleMinutes }).catch(() => null) : null;
    if (!agent) return next(new Error('unauthenticated'));
    socket.data.agent = agent;
    next();
  });

  io.on('connection', (socket) => {
    const agent = socket.data.agent;
    void socket.join(roomsForAgent(agent));
    if (deps.presence) {
      const presence = deps.presence;
      presence.onConnected(agent).catch((err: unknown) => deps.log.warn({ err, agentId: agent.agentId }, 'could not set presence on connect'));
      socket.on('disconnect', () => {
        const timer = setTimeout(() => {
          io.in(rooms.agent(agent.agentId))
            .fetchSockets()
            .then((left) => (left.length === 0 ? presence.onGone(agent) : undefined))
            .catch((err: unknown) => deps.log.warn({ err, agentId: agent.agentId }, 'could not set presence on disconnect'));
        }, presence.offlineGraceMs);
        timer.unref();
      });
    }
    socket.on('conversation.join', async (raw: unknown, ack?: (answer: JoinAnswer) => void) => {
      const parsed = joinPayload.safeParse(raw);
      if (!parsed.success) return ack?.({ ok: false, error: 'conversationId is required' });
      try {
        await loadVisibleConversation(deps.db, agent, parsed.data.conversationId);
        await socket.join(rooms.conversation(parsed.data.conversationId));
        ack?.({ ok: true });
      } catch {
        ack?.({ ok: false, error: 'Conversation not found' });
      }
    });
    // An agent typing: the other agents in the conversation see it, and so does the customer where the channel can show it.
    socket.on('conversation.typing', async (raw: unknown) => {
      const parsed = typingPayload.safeParse(raw);
      if (!parsed.success) return;
      const { conversationId, typing } = parsed.data;
      const visible = await loadVisibleConversation(deps.db, agent, conversationId).then(() => true, () => false);
      if (!visible) return;
      socket.to(rooms.conversation(conversationId)).emit('conversation.typing', { conversationId, typing, by: { type: 'agent', id: agent.agentId, name: agent.name } });
      deps.relayTyping?.({ conversationId, typing, agentName: agent.name }).catch((err: unknown) => deps.log.warn({ err, conversationId }, 'could not show typing to the customer'));
    });
    socket.on('conversation.leave', (raw: unknown) => {
      const parsed = joinPayload.safeParse(raw);
      if (parsed.success) void socket.leave(rooms.conversation(parsed.data.conversationId));
    });
  });
  return io;
}
