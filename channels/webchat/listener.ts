// The website chat's socket.io namespace (/visitor) on the API's server, with its own auth: a
// visitor token (issued here on first connect) scoped to one webchat channel. A visitor socket
// joins only its own room, so it can never hear agent rooms or other visitors. Messages are kept
// like every channel's (ctx.accept); replies come back through the VisitorTransport from the
// deliver worker. Sessions, history and status are the hub's (ctx.api.visitors).
import type { Socket } from 'socket.io';
import { z } from 'zod';
import type { ChannelConfig, InboundListener, ListenerContext, VisitorDesk } from '../types.ts';
import { visitorExternalId, webchatSettings, type VisitorMessagePayload, type WebchatSettings } from './schema.ts';
import { visitorClientEvents } from './protocol.ts';
import { looksLikeChannelId } from './setup.ts';
import { VISITOR_NAMESPACE, visitorRoom } from './transport.ts';

interface VisitorContext {
  visitorId: string;
  channel: ChannelConfig;
  settings: WebchatSettings;
  issuedToken: string | null;
}

type Refusal = { error: { code: string; message: string; retryAfterMs?: number } };
type Ack = (answer: { ok: true; [k: string]: unknown } | ({ ok: false } & Refusal)) => void;

const HISTORY_LIMIT = 200;
const NEW_VISITORS_PER_ADDRESS = { burst: 30, perMinute: 30 };
/** Reads (history, status) per visitor: generous for a widget, a wall for a script. */
const READS_PER_VISITOR = { burst: 20, perMinute: 60 };
/** Every event a visitor socket sends (typing included), before any per-event limit: a flood stops here. */
const EVENTS_PER_VISITOR = { burst: 60, perMinute: 180 };

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

const refusal = (code: string, message: string): Refusal => ({ error: { code, message } });
const isRefusal = (answer: Record<string, unknown>): answer is Refusal => typeof answer.error === 'object' && answer.error !== null;

export const webchatListener: InboundListener = {
  name: 'widget',
  runsIn: 'api',
  async start(ctx) {
    if (!ctx.api) throw new Error('the chat widget is served by the API process');
    const nsp = ctx.api.io.of(VISITOR_NAMESPACE);
    const desk = ctx.api.visitors;
    nsp.use(async (socket, next) => {
      try {
        const v = await admit(ctx, desk, socket);
        if ('refused' in v) return next(new Error(v.refused));
        socket.data.visitor = v;
        next();
      } catch (err) {
        ctx.log.error({ err }, 'visitor handshake failed');
        next(new Error('the chat is unavailable right now'));
      }
    });
    nsp.on('connection', (socket) => serveVisitor(ctx, desk, socket));
    return {
      async stop() {
        nsp.disconnectSockets(true);
        nsp.removeAllListeners();
      },
    };
  },
};

function serveVisitor(ctx: ListenerContext, desk: VisitorDesk, socket: Socket): void {
  const v = socket.data.visitor as VisitorContext;
  void socket.join(visitorRoom(v.visitorId));
  socket.emit('session', {
    visitorId: v.visitorId,
    token: v.issuedToken,
    channel: { title: v.settings.title, greeting: v.settings.greeting ?? null, prechat: v.settings.prechat, maxMessageLength: v.settings.maxMessageLength },
    helpCenter: v.channel.workspaceId,
  });
  limitEveryEvent(ctx, desk, socket, v.visitorId);
  const handle = (event: string, fn: (raw: unknown) => Promise<Record<string, unknown>>) =>
    socket.on(event, (raw: unknown, ack?: unknown) => {
      const reply: Ack = typeof ack === 'function' ? (ack as Ack) : () => undefined;
      fn(raw).then(
        (answer) => reply(isRefusal(answer) ? { ok: false, error: answer.error } : { ok: true, ...answer }),
        (err: unknown) => {
          ctx.log.error({ err, event, visitorId: v.visitorId }, 'visitor event failed');
          reply({ ok: false, error: { code: 'internal', message: 'Something went wrong; please try again' } });
        },
      );
    });
  const limited = (fn: () => Promise<Record<string, unknown>>) => async (): Promise<Record<string, unknown>> => {
    const rate = await desk.take(`visitor-reads:${v.visitorId}`, READS_PER_VISITOR);
    return rate.ok ? fn() : { error: { code: 'rate_limited', message: 'Too many requests; please wait a moment', retryAfterMs: rate.retryAfterMs } };
  };

  handle('visitor.history', limited(async () => ({ messages: await desk.history(v.channel, v.visitorId, HISTORY_LIMIT) })));
  handle('visitor.status', limited(async () => ({ ...(await desk.status(v.channel, v.visitorId, { calendarName: v.settings.calendar, requireOnlineAgent: v.settings.offlineWhenNobodyOnline })) })));
  handle('visitor.message', (raw) => postMessage(ctx, desk, { socket, v, raw, offline: false }));
  handle('visitor.offline', (raw) => postMessage(ctx, desk, { socket, v, raw, offline: true }));

  let lastTyping = false;
  const relayTyping = async (typing: boolean) => {
    if (typing === lastTyping) return;
    lastTyping = typing;
    await desk.relayTyping(v.channel, v.visitorId, typing);
  };
  socket.on('visitor.typing', (raw: unknown) => {
    const parsed = typingSchema.safeParse(raw);
    if (parsed.success) relayTyping(parsed.data.typing).catch((err: unknown) => ctx.log.warn({ err }, 'could not relay visitor typing'));
  });
  socket.on('disconnect', (reason) => {
    // At shutdown the agents' sockets close too, and the Redis clients a relay would publish on are
    // being closed: relaying then only rejects inside the adapter, where nothing can catch it.
    if (reason === 'server shutting down') return;
    relayTyping(false).catch(() => undefined);
  });
}

/**
 * Every packet first takes a token from the visitor's bucket; one over the limit is answered (if it
 * asks for an answer) and dropped, so neither typing nor unknown events can be sent in a loop.
 * Anything else a visitor tries (joining a conversation, agent events) is refused, never ignored silently.
 */
function limitEveryEvent(ctx: ListenerContext, desk: VisitorDesk, socket: Socket, visitorId: string): void {
  socket.use(([event, ...args], next) => {
    const answer = (refused: Refusal) => {
      const ack = args.at(-1);
      if (typeof ack === 'function') (ack as Ack)({ ok: false, ...refused });
    };
    desk.take(`visitor-events:${visitorId}`, EVENTS_PER_VISITOR).then(
      (rate) => {
        if (!rate.ok) return answer({ error: { code: 'rate_limited', message: 'Too many requests; please wait a moment', retryAfterMs: rate.retryAfterMs } });
        if (!(visitorClientEvents as readonly string[]).includes(String(event))) return answer(refusal('unknown_event', `visitors cannot use ${String(event)}`));
        next();
      },
      (err: unknown) => {
        ctx.log.error({ err, event, visitorId }, 'visitor event not handled');
        answer(refusal('internal', 'Something went wrong; please try again'));
      },
    );
  });
}

async function admit(ctx: ListenerContext, desk: VisitorDesk, socket: Socket): Promise<VisitorContext | { refused: string }> {
  const auth = handshakeSchema.safeParse(socket.handshake.auth);
  if (!auth.success) return { refused: 'the widget must name its channel' };
  // The widget names its channel by id or by key (the address). A key is never shaped like an id, so
  // the shape decides which one is meant: a channel whose address was set to another workspace's
  // channel id (before keys were checked, or by hand) can never capture that channel's visitors.
  const key = auth.data.channel;
  const channel = looksLikeChannelId(key) ? await ctx.channelById(key.toLowerCase()) : await ctx.channelByAddress(key.toLowerCase());
  if (!channel) return { refused: 'unknown chat channel' };
  const settings = webchatSettings(channel.settings);
  const origin = socket.handshake.headers.origin;
  if (settings.allowedOrigins.length > 0 && (!origin || !settings.allowedOrigins.includes(origin))) return { refused: 'this site may not open the chat' };
  const known = auth.data.token ? await desk.authenticate(channel, auth.data.token) : null;
  if (known) return { visitorId: known.visitorId, channel, settings, issuedToken: null };
  // A new visitor (or a token we do not know): issue one, within a per-address budget.
  const budget = await desk.take(`visitor-new:${channel.id}:${clientAddress(socket, ctx.settings.trustProxy)}`, NEW_VISITORS_PER_ADDRESS);
  if (!budget.ok) return { refused: 'too many new chats from this address; try again later' };
  const created = await desk.create(channel);
  return { visitorId: created.visitorId, channel, settings, issuedToken: created.token };
}

function clientAddress(socket: Socket, trustProxy: boolean): string {
  const forwarded = socket.handshake.headers['x-forwarded-for'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return trustProxy && first ? first : socket.handshake.address;
}

async function postMessage(ctx: ListenerContext, desk: VisitorDesk, input: { socket: Socket; v: VisitorContext; raw: unknown; offline: boolean }): Promise<Record<string, unknown>> {
  const { v } = input;
  const parsed = (input.offline ? offlineSchema : messageSchema).safeParse(input.raw);
  if (!parsed.success) return refusal('invalid', parsed.error.issues[0]?.message ?? 'invalid message');
  const m = parsed.data;
  if (m.text.length > v.settings.maxMessageLength) return refusal('too_long', `Messages are at most ${v.settings.maxMessageLength} characters`);
  const topics = v.settings.prechat.topics;
  if (m.topic && topics.length > 0 && !topics.includes(m.topic)) return refusal('invalid', `choose one of the topics: ${topics.join(', ')}`);
  const rate = await desk.take(`visitor:${v.visitorId}`, v.settings.rateLimit);
  if (!rate.ok) return { error: { code: 'rate_limited', message: 'You are sending messages too quickly; please wait a moment', retryAfterMs: rate.retryAfterMs } };
  const payload: VisitorMessagePayload = {
    visitorId: v.visitorId,
    clientId: m.clientId,
    text: m.text,
    sentAt: ctx.now().toISOString(),
    ...(m.name ? { name: m.name } : {}),
    ...(m.email ? { email: m.email } : {}),
    ...(m.topic ? { topic: m.topic } : {}),
    ...(input.offline ? { offline: true } : {}),
  };
  const accepted = await ctx.accept(v.channel, { key: visitorExternalId(v.visitorId, m.clientId), payload });
  if (!accepted.duplicate) {
    // The visitor's other tabs show it at once; the sending tab already does.
    input.socket.to(visitorRoom(v.visitorId)).emit('message', { id: `client:${m.clientId}`, clientId: m.clientId, direction: 'in', text: m.text, author: null, createdAt: payload.sentAt });
  }
  return { clientId: m.clientId, duplicate: accepted.duplicate };
}
