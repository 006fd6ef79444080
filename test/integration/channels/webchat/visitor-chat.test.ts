// The website chat end to end with real socket.io clients on the /visitor namespace, real
// Postgres, Redis and workers: a visitor chats with an agent (messages, replies, typing both
// ways), reloads and keeps the conversation, and another visitor can read none of it.
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../../support/harness.ts';
import { waitUntil } from '../../../support/wait.ts';

interface Visitor {
  socket: Socket;
  visitorId: string;
  token: string;
  events: { name: string; payload: any }[];
  call(event: string, payload?: unknown): Promise<any>;
}

/** Connects a visitor as the widget does; resolves once the session event arrived. */
async function connectVisitor(h: Harness, auth: Record<string, unknown>, opts: { origin?: string; previousToken?: string } = {}): Promise<Visitor> {
  const socket = ioClient(`${h.apiUrl}/visitor`, { auth, transports: ['websocket'], reconnection: false, extraHeaders: opts.origin ? { origin: opts.origin } : {} });
  const events: Visitor['events'] = [];
  socket.onAny((name, payload) => events.push({ name, payload }));
  const session = await new Promise<any>((resolve, reject) => {
    socket.once('session', resolve);
    socket.once('connect_error', reject);
  });
  return {
    socket,
    visitorId: session.visitorId,
    token: session.token ?? opts.previousToken ?? (auth.token as string),
    events,
    call: (event, payload = {}) => socket.timeout(5000).emitWithAck(event, payload),
  };
}

const refusedConnect = (h: Harness, path: string, auth: Record<string, unknown>, headers: Record<string, string> = {}) =>
  new Promise<string>((resolve) => {
    const s = ioClient(`${h.apiUrl}${path}`, { auth, transports: ['websocket'], reconnection: false, extraHeaders: headers });
    s.once('connect', () => {
      s.disconnect();
      resolve('connected');
    });
    s.once('connect_error', (err) => {
      s.disconnect();
      resolve(err.message);
    });
  });

const eventually = <T>(probe: () => T | undefined, what: string) => waitUntil(async () => probe(), what);

describe('website chat with agents online', () => {
  let h: Harness;
  let admin: string;
  let agentSocket: Socket;
  const agentEvents: { name: string; payload: any }[] = [];
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    h = await startHarness({
      channels: [
        { kind: 'webchat', name: 'Website', address: 'acme-website', settings: { title: 'Acme help', greeting: 'Hi! How can we help?', prechat: { topics: ['billing', 'shipping'] } } },
        { kind: 'webchat', name: 'Strict', address: 'acme-strict', settings: { rateLimit: { burst: 2, perMinute: 1 }, allowedOrigins: ['https://shop.acme.test'] } },
      ],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    agentSocket = await h.socket(admin);
    agentSocket.onAny((name, payload) => agentEvents.push({ name, payload }));
  });
  afterAll(async () => {
    for (const v of visitors) v.socket.disconnect();
    await h?.close();
  });

  const visitor = async (auth: Record<string, unknown>, opts: { origin?: string; previousToken?: string } = {}) => {
    const v = await connectVisitor(h, auth, opts);
    visitors.push(v);
    return v;
  };
  const messageOf = (visitorId: string, clientId: string) =>
    waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: `${visitorId}:${clientId}` }, include: { conversation: true } }), `visitor message ${clientId}`);

  let first: Visitor;
  let conversationId: string;

  it('a visitor chats with an agent: the message reaches the inbox live, the reply and typing reach the visitor', async () => {
    first = await visitor({ channel: 'acme-website' });
    expect(first.token).toMatch(/^pv_/);
    const status = await waitUntil(async () => {
      const s = await first.call('visitor.status');
      return s.available ? s : null;
    }, 'the chat available (an agent is online)');
    expect(status).toMatchObject({ ok: true, available: true, conversation: null, waiting: null });

    const sent = await first.call('visitor.message', { clientId: 'm1', text: 'Hi, I was charged twice for invoice 88', name: 'Vera Visitor', email: 'vera@example.com', topic: 'billing' });
    expect(sent).toEqual({ ok: true, clientId: 'm1', duplicate: false });

    const m = await messageOf(first.visitorId, 'm1');
    conversationId = m.conversationId;
    expect(m.conversation.attributes).toEqual({ topic: 'billing' });
    const conv = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
    // The email typed into the form is a claim (test/integration/contacts/identity-claims.test.ts), not the contact's email.
    expect(conv.body).toMatchObject({ channel: { kind: 'webchat' }, contact: { name: 'Vera Visitor', email: null } });
    expect((await h.api(admin, 'GET', `/api/contacts/${m.conversation.contactId}/claims`)).body).toMatchObject([{ field: 'email', value: 'vera@example.com', status: 'pending', owner: null }]);
    expect(conv.body.messages[0]).toMatchObject({ direction: 'in', text: 'Hi, I was charged twice for invoice 88', html: null });
    await eventually(() => agentEvents.find((e) => e.name === 'message.created' && e.payload.conversationId === conversationId), 'message.created on the agent socket');

    expect(await agentSocket.timeout(5000).emitWithAck('conversation.join', { conversationId })).toEqual({ ok: true });
    first.socket.emit('visitor.typing', { typing: true });
    const typingIn = await eventually(() => agentEvents.find((e) => e.name === 'conversation.typing' && e.payload.conversationId === conversationId), 'the visitor typing, seen by the agent');
    expect(typingIn.payload).toEqual({ conversationId, typing: true, by: { type: 'contact' } });

    agentSocket.emit('conversation.typing', { conversationId, typing: true });
    const typingOut = await eventually(() => first.events.find((e) => e.name === 'typing'), 'the agent typing, seen by the visitor');
    expect(typingOut.payload).toEqual({ typing: true, name: 'Alex Admin' });

    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Sorry Vera, the second charge is refunded.' });
    expect(reply.status).toBe(202);
    const received = await eventually(() => first.events.find((e) => e.name === 'message'), 'the reply at the visitor');
    expect(received.payload).toMatchObject({ id: reply.body.id, direction: 'out', text: 'Sorry Vera, the second charge is refunded.', author: { name: 'Alex Admin' }, clientId: null });
    await waitUntil(async () => (await h.testDb.db.message.findUnique({ where: { id: reply.body.id } }))?.deliveryStatus === 'sent', 'the reply marked sent');
  });

  it('a visitor who reloads the page reconnects with the same token and sees the conversation so far', async () => {
    first.socket.disconnect();
    const again = await visitor({ channel: 'acme-website', token: first.token }, { previousToken: first.token });
    expect(again.visitorId).toBe(first.visitorId);
    const history = await again.call('visitor.history');
    expect(history.messages.map((m: any) => [m.direction, m.text, m.clientId])).toEqual([
      ['in', 'Hi, I was charged twice for invoice 88', 'm1'],
      ['out', 'Sorry Vera, the second charge is refunded.', null],
    ]);
    // Notes are for agents only.
    await h.api(admin, 'POST', `/api/conversations/${conversationId}/notes`, { text: 'customer seems upset' });
    expect((await again.call('visitor.history')).messages).toHaveLength(2);
    first = again;
  });

  it('a second visitor cannot join, fetch or hear the first visitor’s conversation', async () => {
    const other = await visitor({ channel: 'acme-website' });
    expect(other.visitorId).not.toBe(first.visitorId);
    expect((await other.call('visitor.history')).messages).toEqual([]);
    expect(await other.call('conversation.join', { conversationId })).toEqual({ ok: false, error: { code: 'unknown_event', message: 'visitors cannot use conversation.join' } });
    // The visitor token opens neither the agents' socket nor the API.
    expect(await refusedConnect(h, '/', { token: other.token })).toBe('unauthenticated');
    expect((await h.api(other.token, 'GET', `/api/conversations/${conversationId}`)).status).toBe(401);
    // A guessed token (the first visitor's id) is just a new visitor.
    const guesser = await visitor({ channel: 'acme-website', token: first.visitorId });
    expect(guesser.visitorId).not.toBe(first.visitorId);
    expect((await guesser.call('visitor.history')).messages).toEqual([]);
    // Reusing the first visitor's message id makes the second visitor's own message, not a duplicate.
    expect(await other.call('visitor.message', { clientId: 'm1', text: 'Hello from someone else' })).toMatchObject({ ok: true, duplicate: false });

    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Anything else, Vera?' });
    await eventually(() => first.events.find((e) => e.name === 'message' && e.payload.id === reply.body.id), 'the reply at the first visitor');
    // Proof that a leak would have arrived by now: a reply to each other visitor's own chat, sent
    // after Vera's through the same Redis connection and reaching them on their socket, comes after
    // anything Vera's reply could have sent them.
    const otherMessage = await messageOf(other.visitorId, 'm1');
    expect(await guesser.call('visitor.message', { clientId: 'g1', text: 'Hello, I have a question too' })).toMatchObject({ ok: true, duplicate: false });
    const guesserMessage = await messageOf(guesser.visitorId, 'g1');
    for (const [v, own] of [[other, otherMessage], [guesser, guesserMessage]] as const) {
      const answer = await h.api(admin, 'POST', `/api/conversations/${own.conversationId}/messages`, { text: 'How can we help?' });
      expect(answer.status).toBe(202);
      await eventually(() => v.events.find((e) => e.name === 'message' && e.payload.id === answer.body.id), 'a reply in their own chat');
    }
    const leaked = [...other.events, ...guesser.events].filter((e) => JSON.stringify(e.payload ?? '').includes('Vera') || JSON.stringify(e.payload ?? '').includes('charged'));
    expect(leaked).toEqual([]);
    expect(otherMessage.conversationId).not.toBe(conversationId);
    expect(guesserMessage.conversationId).not.toBe(conversationId);
  });

  it('the pre-chat topic routes the chat by the workflow’s attribute filter', async () => {
    const billingTeam = h.workspace.teams.get('Billing')!;
    expect((await h.api(admin, 'POST', '/api/queues', { name: 'Billing chats', teamId: billingTeam })).status).toBe(201);
    const wf = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'billing chats', when: { channel: ['webchat'], attributes: { topic: ['billing'] } }, steps: [{ queue: 'Billing chats', requirement: { teamId: billingTeam }, timeoutSeconds: 600 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 600 }] },
    });
    expect(wf.status).toBe(200);
    const bob = await h.login(h.workspace.agents[2]!.email);
    await h.api(bob, 'POST', '/api/me/presence', { presence: 'online' });
    const v = await visitor({ channel: 'acme-website' });
    await v.call('visitor.message', { clientId: 'b1', text: 'A billing question', topic: 'billing' });
    const m = await messageOf(v.visitorId, 'b1');
    const routed = await waitUntil(async () => {
      const c = await h.testDb.db.conversation.findUnique({ where: { id: m.conversationId }, include: { queue: true } });
      return c?.assigneeId ? c : null;
    }, 'the chat routed');
    expect(routed.queue?.name).toBe('Billing chats');
    expect(routed.assigneeId).toBe(h.workspace.agents[2]!.id);
    expect(await v.call('visitor.message', { clientId: 'b2', text: 'x', topic: 'astrology' })).toMatchObject({ ok: false, error: { code: 'invalid', message: 'choose one of the topics: billing, shipping' } });
  });

  it('keeps markup as plain text: nothing a visitor sends becomes HTML', async () => {
    const v = await visitor({ channel: 'acme-website' });
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    await v.call('visitor.message', { clientId: 'x1', text: hostile });
    const m = await messageOf(v.visitorId, 'x1');
    expect(m).toMatchObject({ text: hostile, html: null });
    expect((await v.call('visitor.history')).messages[0].text).toBe(hostile);
  });

  it('limits how fast one visitor may send, telling them how long to wait', async () => {
    const v = await visitor({ channel: 'acme-strict' }, { origin: 'https://shop.acme.test' });
    expect(await v.call('visitor.message', { clientId: 'r1', text: 'one' })).toMatchObject({ ok: true });
    expect(await v.call('visitor.message', { clientId: 'r2', text: 'two' })).toMatchObject({ ok: true });
    const third = await v.call('visitor.message', { clientId: 'r3', text: 'three' });
    expect(third).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    expect(third.error.retryAfterMs).toBeGreaterThan(1000);
    expect(await h.testDb.db.inboundEvent.count({ where: { externalId: `${v.visitorId}:r3` } })).toBe(0);
  });

  it('serves the widget script so that any site may load it', async () => {
    const res = await fetch(`${h.apiUrl}/widget.js`);
    // 503 until `npm run build:widget` has run; either way other origins may load it.
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('refuses an unknown channel and a page the channel does not allow', async () => {
    expect(await refusedConnect(h, '/visitor', { channel: 'no-such-channel' })).toBe('unknown chat channel');
    expect(await refusedConnect(h, '/visitor', {})).toBe('the widget must name its channel');
    expect(await refusedConnect(h, '/visitor', { channel: 'acme-strict' }, { origin: 'https://evil.example' })).toBe('this site may not open the chat');
  });
});

describe('website chat while nobody can answer', () => {
  let h: Harness;
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    h = await startHarness({
      channels: [
        { kind: 'webchat', name: 'Website', address: 'acme-website', settings: {} },
        { kind: 'webchat', name: 'Office hours', address: 'acme-office', settings: { calendar: 'Closed for now', offlineWhenNobodyOnline: false } },
      ],
    });
    await h.testDb.db.businessCalendar.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Closed for now', timeZone: 'UTC', weeklyHours: {}, holidays: [] } });
  });
  afterAll(async () => {
    for (const v of visitors) v.socket.disconnect();
    await h?.close();
  });

  const visitor = async (channel: string) => {
    const v = await connectVisitor(h, { channel });
    visitors.push(v);
    return v;
  };
  const conversationOf = (visitorId: string, clientId: string) =>
    waitUntil(async () => (await h.testDb.db.message.findFirst({ where: { externalId: `${visitorId}:${clientId}` }, include: { conversation: true } }))?.conversation, `conversation of ${clientId}`);

  it('offers the offline form outside business hours and when no agent is online; what is left there reaches the inbox', async () => {
    const closed = await visitor('acme-office');
    expect(await closed.call('visitor.status')).toMatchObject({ ok: true, available: false, reason: 'closed' });
    const nobody = await visitor('acme-website');
    expect(await nobody.call('visitor.status')).toMatchObject({ ok: true, available: false, reason: 'nobody-online' });

    expect(await nobody.call('visitor.offline', { clientId: 'o1', text: 'Please call me back', name: 'Olaf' })).toMatchObject({ ok: false, error: { code: 'invalid' } });
    expect(await nobody.call('visitor.offline', { clientId: 'o1', text: 'Please call me back', name: 'Olaf Offline', email: 'olaf@example.com' })).toMatchObject({ ok: true });
    const conv = await conversationOf(nobody.visitorId, 'o1');
    expect(conv.attributes).toEqual({ offline: 'true' });
    const contact = await h.testDb.db.contact.findUniqueOrThrow({ where: { id: conv.contactId } });
    expect(contact).toMatchObject({ name: 'Olaf Offline', email: null });
    expect(await h.testDb.db.identityClaim.findMany({ where: { contactId: contact.id } })).toMatchObject([{ field: 'email', value: 'olaf@example.com', status: 'pending', reason: 'typed into the website chat' }]);
  });

  it('shows waiting visitors their place in the queue and, once chats have been answered, an estimated wait', async () => {
    const a = await visitor('acme-website');
    const b = await visitor('acme-website');
    await a.call('visitor.message', { clientId: 'w1', text: 'first in line' });
    await conversationOf(a.visitorId, 'w1');
    await b.call('visitor.message', { clientId: 'w1', text: 'second in line' });
    const bConv = await conversationOf(b.visitorId, 'w1');
    await waitUntil(async () => (await h.testDb.db.conversation.findUnique({ where: { id: bConv.id } }))?.queuedAt, 'b queued');
    const statusA = await a.call('visitor.status');
    const statusB = await b.call('visitor.status');
    expect(statusA.waiting).toEqual({ position: 2, estimatedWaitSeconds: null });
    expect(statusB.waiting).toEqual({ position: 3, estimatedWaitSeconds: null });
    expect(statusB.conversation).toEqual({ status: 'open', assigned: false });

    // An agent comes online and takes the waiting chats; then goes away, and the next visitor waits.
    const ada = await h.login(h.workspace.agents[1]!.email);
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'online' });
    await waitUntil(async () => (await a.call('visitor.status')).conversation?.assigned, 'a assigned');
    await waitUntil(async () => (await b.call('visitor.status')).conversation?.assigned, 'b assigned');
    await h.api(ada, 'POST', '/api/me/presence', { presence: 'away' });
    const c = await visitor('acme-website');
    await c.call('visitor.message', { clientId: 'w1', text: 'third' });
    const cConv = await conversationOf(c.visitorId, 'w1');
    await waitUntil(async () => (await h.testDb.db.conversation.findUnique({ where: { id: cConv.id } }))?.queuedAt, 'c queued');
    const statusC = await c.call('visitor.status');
    expect(statusC.waiting.position).toBe(1);
    expect(statusC.waiting.estimatedWaitSeconds).toEqual(expect.any(Number));
  });
});
