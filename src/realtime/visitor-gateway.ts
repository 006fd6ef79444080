// The website chat's socket.io namespace (/visitor) on the same server as the agent gateway, with
// its own auth: a visitor token (issued here on first connect) scoped to one webchat channel.
// A visitor socket joins only its own room, so it can never hear agent rooms or other visitors.
// Messages go through acceptInboundEvent like every channel's; replies come back through the
// webchat adapter (VisitorTransport) from the deliver worker.
import type { Namespace, Server, Socket } from 'socket.io';
import { z } from 'zod';
import { VISITOR_NAMESPACE, visitorRoom } from '../../channels/webchat/transport.ts';
import { visitorExternalId, webchatSettings, type VisitorMessagePayload, type WebchatSettings } from '../../channels/webchat/schema.ts';
import type { Clock } from '../clock.ts';
import type { Channel, Db } from '../db/client.ts';
import { acceptInboundEvent } from '../domain/inbound/accept-inbound-event.ts';
import { chatAvailability } from '../domain/visitors/chat-availability.ts';
import { visitorConversation } from '../domain/visitors/visitor-conversation.ts';
import { visitorHistory } from '../domain/visitors/visitor-history.ts';
import { authenticateVisitor, createVisitor } from '../domain/visitors/visitor-sessions.ts';
import { waitingEstimate } from '../domain/visitors/waiting-estimate.ts';
import type { Logger } from '../log.ts';
import type { Queues } from '../queues.ts';
import { rooms } from './events.ts';
import type { RateLimiter } from './visitor-rate-limit.ts';

export interface VisitorGatewayDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  queues: Queues;
  limiter: RateLimiter;
  /** Behind our own reverse proxy: the visitor's address is the first X-Forwarded-For entry. */
  trustProxy: boolean;
}

interface VisitorContext {
  visitorId: string;
  channel: Channel;
  settings: WebchatSettings;
  issuedToken: string | null;
}

type Ack = (answer: { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string; retryAfterMs?: number } }) => void;

const HISTORY_LIMIT = 200;
const NEW_VISITORS_PER_ADDRESS = { burst: 30, perMinute: 30 };

const handshakeSchema = z.object({ channel: z.string().trim().min(1).max(200), token: z.string().max(200).optional() });
const clientId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientId is 1-64 letters, digits, _ or -');
const messageSchema = z.object({
  clientId,
  text: z.string().trim().min(1, 'the message is empty'),
  name: z.string().trim().min(1).max(120).optional(),
  email: z.email('that email address does not look right').max(254).optional(),
  topic: z.string().trim().min(1).max(60).optional(),
});
const offlineSchema = messageSchema.extend({ name: z.string().trim().min(1, 'your name is needed').max(120), email: z.email('that email address does not look right').max(254) });
const typingSchema = z.object({ typing: z.boolean() });

export function attachVisitorGateway(io: Server, deps: VisitorGatewayDeps): Namespace {
  const nsp = io.of(VISITOR_NAMESPACE);
  const agents = io.of('/');

  nsp.use(async (socket, next) => {
    try {
      const ctx = await admit(deps, socket);
      if ('refused' in ctx) return next(new Error(ctx.refused));
      socket.data.visitor = ctx;
      next();
    } catch (err) {
      deps.log.error({ err }, 'visitor handshake failed');
      next(new Error('the chat is unavailable right now'));
    }
  });

  nsp.on('connection', (socket: Socket) => {
    const v = socket.data.visitor as VisitorContext;
    void socket.join(visitorRoom(v.visitorId));
    socket.emit('session', {
      visitorId: v.visitorId,
      token: v.issuedToken,
      channel: { title: v.settings.title, greeting: v.settings.greeting ?? null, prechat: v.settings.prechat, maxMessageLength: v.settings.maxMessageLength },
    });
    const handle = (event: string, fn: (raw: unknown) => Promise<Record<string, unknown>>) =>
      socket.on(event, (raw: unknown, ack?: unknown) => {
        const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
        fn(raw).then(
          (answer) => reply(isRefusal(answer) ? { ok: false, error: answer.error } : { ok: true, ...answer }),
          (err: unknown) => {
            deps.log.error({ err, event, visitorId: v.visitorId }, 'visitor event failed');
            reply({ ok: false, error: { code: 'internal', message: 'Something went wrong; please try again' } });
          },
        );
      });

    handle('visitor.history', async () => ({ messages: await visitorHistory(deps.db, { channelId: v.channel.id, visitorId: v.visitorId, limit: HISTORY_LIMIT }) }));
    handle('visitor.status', async () => status(deps, v));
    handle('visitor.message', async (raw) => postMessage(deps, { socket, v, raw, offline: false }));
    handle('visitor.offline', async (raw) => postMessage(deps, { socket, v, raw, offline: true }));

    let lastTyping = false;
    const relayTyping = async (typing: boolean) => {
      if (typing === lastTyping) return;
      lastTyping = typing;
      const conv = await visitorConversation(deps.db, { workspaceId: v.channel.workspaceId, channelId: v.channel.id, channelKind: v.channel.kind, visitorId: v.visitorId });
      if (conv) agents.to(rooms.conversation(conv.id)).emit('conversation.typing', { conversationId: conv.id, typing, by: { type: 'contact' } });
    };
    socket.on('visitor.typing', (raw: unknown) => {
      const parsed = typingSchema.safeParse(raw);
      if (parsed.success) relayTyping(parsed.data.typing).catch((err: unknown) => deps.log.warn({ err }, 'could not relay visitor typing'));
    });
    socket.on('disconnect', () => {
      relayTyping(false).catch(() => undefined);
    });
    // Anything else a visitor tries (joining a conversation, agent events) is refused, never ignored silently.
    socket.onAny((event: string, ...args: unknown[]) => {
      if (['visitor.history', 'visitor.status', 'visitor.message', 'visitor.offline', 'visitor.typing'].includes(event)) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as Ack)({ ok: false, error: { code: 'unknown_event', message: `visitors cannot use ${event}` } });
    });
  });
  return nsp;
}

async function admit(deps: VisitorGatewayDeps, socket: Socket): Promise<VisitorContext | { refused: string }> {
  const auth = handshakeSchema.safeParse(socket.handshake.auth);
  if (!auth.success) return { refused: 'the widget must name its channel' };
  const key = auth.data.channel;
  const channel = await deps.db.channel.findFirst({ where: { kind: 'webchat', active: true, OR: [{ id: key }, { address: key.toLowerCase() }] } });
  if (!channel) return { refused: 'unknown chat channel' };
  const settings = webchatSettings(channel.settings);
  const origin = socket.handshake.headers.origin;
  if (settings.allowedOrigins.length > 0 && (!origin || !settings.allowedOrigins.includes(origin))) return { refused: 'this site may not open the chat' };
  const now = deps.clock.now();
  const known = auth.data.token ? await authenticateVisitor(deps.db, { channelId: channel.id, token: auth.data.token, now }) : null;
  if (known) return { visitorId: known.id, channel, settings, issuedToken: null };
  // A new visitor (or a token we do not know): issue one, within a per-address budget.
  const budget = await deps.limiter.take(`visitor-new:${channel.id}:${clientAddress(socket, deps.trustProxy)}`, NEW_VISITORS_PER_ADDRESS);
  if (!budget.ok) return { refused: 'too many new chats from this address; try again later' };
  const created = await createVisitor(deps.db, { workspaceId: channel.workspaceId, channelId: channel.id, now });
  return { visitorId: created.visitor.id, channel, settings, issuedToken: created.token };
}

function clientAddress(socket: Socket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}

async function status(deps: VisitorGatewayDeps, v: VisitorContext): Promise<Record<string, unknown>> {
  const now = deps.clock.now();
  const availability = await chatAvailability(deps, {
    workspaceId: v.channel.workspaceId,
    calendarName: v.settings.calendar,
    requireOnlineAgent: v.settings.offlineWhenNobodyOnline,
    now,
  });
  const conv = await visitorConversation(deps.db, { workspaceId: v.channel.workspaceId, channelId: v.channel.id, channelKind: v.channel.kind, visitorId: v.visitorId });
  const waiting = conv ? await waitingEstimate(deps, { conversationId: conv.id, now }) : null;
  return {
    available: availability.available,
    reason: availability.available ? null : availability.reason,
    conversation: conv ? { status: conv.status, assigned: conv.assigneeId !== null } : null,
    waiting,
  };
}

async function postMessage(
  deps: VisitorGatewayDeps,
  input: { socket: Socket; v: VisitorContext; raw: unknown; offline: boolean },
): Promise<Record<string, unknown>> {
  const { v } = input;
  const parsed = (input.offline ? offlineSchema : messageSchema).safeParse(input.raw);
  if (!parsed.success) return refusal('invalid', parsed.error.issues[0]?.message ?? 'invalid message');
  const m = parsed.data;
  if (m.text.length > v.settings.maxMessageLength) return refusal('too_long', `Messages are at most ${v.settings.maxMessageLength} characters`);
  const topics = v.settings.prechat.topics;
  if (m.topic && topics.length > 0 && !topics.includes(m.topic)) return refusal('invalid', `choose one of the topics: ${topics.join(', ')}`);
  const rate = await deps.limiter.take(`visitor:${v.visitorId}`, v.settings.rateLimit);
  if (!rate.ok) return { error: { code: 'rate_limited', message: 'You are sending messages too quickly; please wait a moment', retryAfterMs: rate.retryAfterMs } };
  const now = deps.clock.now();
  const payload: VisitorMessagePayload = {
    visitorId: v.visitorId,
    clientId: m.clientId,
    text: m.text,
    sentAt: now.toISOString(),
    ...(m.name ? { name: m.name } : {}),
    ...(m.email ? { email: m.email } : {}),
    ...(m.topic ? { topic: m.topic } : {}),
    ...(input.offline ? { offline: true } : {}),
  };
  const accepted = await acceptInboundEvent(deps, { workspaceId: v.channel.workspaceId, channelId: v.channel.id, externalId: visitorExternalId(v.visitorId, m.clientId), payload });
  if (!accepted.duplicate) {
    // The visitor's other tabs show it at once; the sending tab already does.
    input.socket.to(visitorRoom(v.visitorId)).emit('message', { id: `client:${m.clientId}`, clientId: m.clientId, direction: 'in', text: m.text, author: null, createdAt: payload.sentAt });
  }
  return { clientId: m.clientId, duplicate: accepted.duplicate };
}

type Refusal = { error: { code: string; message: string; retryAfterMs?: number } };

const refusal = (code: string, message: string): Refusal => ({ error: { code, message } });

const isRefusal = (answer: Record<string, unknown>): answer is Refusal => typeof answer.error === 'object' && answer.error !== null;
