// A custom API channel end to end, as an integrator connects their own app: an admin adds it
// through the API, the app posts signed events to its webhook, an agent answers and the reply
// reaches the app's reply URL signed the same way, and the app reports its delivery.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody, signedHeaders } from '../../../../channels/custom/signature.ts';
import { startHarness, type Harness } from '../../../support/harness.ts';
import { waitUntil } from '../../../support/wait.ts';

const SECRET = 'shop-backend-shared-secret';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** The integrator's app: takes replies at /replies, answers 503 while told to. */
async function startApp() {
  const received: Received[] = [];
  let failing = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (failing > 0) {
        failing -= 1;
        res.writeHead(503).end('busy');
        return;
      }
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `shop-msg-${received.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/replies`,
    received,
    failNext: (n: number) => void (failing = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('custom API channel', () => {
  let h: Harness;
  let app: Awaited<ReturnType<typeof startApp>>;
  let admin: string;
  let channelId: string;

  beforeAll(async () => {
    app = await startApp();
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    const created = await h.api(admin, 'POST', '/api/channels', { kind: 'custom', name: 'Shop app', address: 'shop-backend', settings: { signingSecret: SECRET, replyUrl: app.url } });
    expect(created.status).toBe(201);
    expect(created.body.settings.signingSecret).toBe('••••••••');
    channelId = created.body.id;
  });
  afterAll(async () => {
    await h?.close();
    await app?.close();
  });

  const db = () => h.testDb.db;
  const postEvent = (event: unknown, opts: { secret?: string } = {}) => {
    const body = JSON.stringify(event);
    return fetch(`${h.apiUrl}/webhooks/custom/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...signedHeaders(opts.secret ?? SECRET, body, new Date()) }, body });
  };
  const messageByEvent = (id: string) => waitUntil(() => db().message.findFirst({ where: { channelId, externalId: id } }), `the message of event ${id}`);

  it('a signed message becomes a conversation; the agent’s reply reaches the app signed; the app’s status marks it delivered', async () => {
    const res = await postEvent({ id: 'evt-100', type: 'message', from: { id: 'user-42', name: 'Ada Lovelace', email: 'ada@example.com' }, text: 'My order #77 never came', appVersion: '3.2.1' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: true, id: 'evt-100' });
    const inbound = await messageByEvent('evt-100');
    expect(inbound.text).toBe('My order #77 never came');
    const contact = await db().contact.findFirstOrThrow({ where: { identities: { some: { channelKind: 'custom', address: 'user-42' } } } });
    expect(contact).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });

    const reply = await h.api(admin, 'POST', `/api/conversations/${inbound.conversationId}/messages`, { text: 'Sorry Ada, it ships today.' });
    expect(reply.status).toBe(202);
    const sent = await waitUntil(async () => {
      const m = await db().message.findUniqueOrThrow({ where: { id: reply.body.id } });
      return m.deliveryStatus === 'sent' ? m : null;
    }, 'the reply sent');
    expect(sent.externalId).toBe('shop-msg-1');

    const [got] = app.received;
    const body = JSON.parse(got!.body);
    expect(body).toMatchObject({ id: reply.body.id, type: 'reply', to: { id: 'user-42' }, text: 'Sorry Ada, it ships today.', author: 'Alex Admin' });
    const stamp = Number(got!.headers['x-parley-timestamp']);
    expect(Math.abs(Date.now() / 1000 - stamp)).toBeLessThan(120);
    expect(got!.headers['x-parley-signature']).toBe(signBody(SECRET, stamp, got!.body));
    expect(got!.headers['idempotency-key']).toBe(reply.body.id);

    expect((await postEvent({ id: 'evt-101', type: 'status', messageId: 'shop-msg-1', status: 'delivered' })).status).toBe(200);
    await waitUntil(async () => (await db().message.findUniqueOrThrow({ where: { id: reply.body.id } })).deliveryStatus === 'delivered', 'the reply delivered');
  });

  it('a forged or stale request is refused with 403 and kept for admins without its content; nothing else is stored', async () => {
    const forged = await postEvent({ id: 'evt-200', from: { id: 'mallory' }, text: 'let me in' }, { secret: 'not-the-shared-secret!!' });
    expect(forged.status).toBe(403);
    const body = JSON.stringify({ id: 'evt-201', from: { id: 'mallory' }, text: 'replayed' });
    const old = Math.floor(Date.now() / 1000) - 3600;
    const stale = await fetch(`${h.apiUrl}/webhooks/custom/${channelId}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-parley-timestamp': String(old), 'x-parley-signature': signBody(SECRET, old, body) }, body });
    expect(stale.status).toBe(403);
    const rejected = await db().inboundEvent.findMany({ where: { channelId, status: 'rejected' } });
    expect(rejected.map((e) => e.error)).toEqual(expect.arrayContaining([expect.stringMatching(/does not match/), expect.stringMatching(/away from our clock/)]));
    expect(JSON.stringify(rejected.map((e) => e.payload))).not.toContain('let me in');
    expect(await db().contactIdentity.count({ where: { address: 'mallory' } })).toBe(0);
  });

  it('a retried event makes one message, and a reply the app could not take at first is retried until it can', async () => {
    const event = { id: 'evt-300', from: { id: 'user-43', name: 'Grace' }, text: 'Can I change my address?' };
    expect((await postEvent(event)).status).toBe(200);
    expect((await postEvent(event)).status).toBe(200);
    const inbound = await messageByEvent('evt-300');
    await waitUntil(async () => (await db().inboundEvent.count({ where: { channelId, status: 'received' } })) === 0, 'ingest to drain');
    expect(await db().message.count({ where: { channelId, externalId: 'evt-300' } })).toBe(1);

    app.failNext(1);
    const reply = await h.api(admin, 'POST', `/api/conversations/${inbound.conversationId}/messages`, { text: 'Yes, in your profile.' });
    await waitUntil(async () => (await db().message.findUniqueOrThrow({ where: { id: reply.body.id } })).deliveryStatus === 'sent', 'the retried reply sent', 30_000);
    expect(app.received.filter((r) => JSON.parse(r.body).id === reply.body.id)).toHaveLength(1);
  });
});
