// A page on the same site but another origin (another port, a sibling subdomain) gets the agent's
// SameSite=Lax cookie sent along. It must not be able to change anything through the API (no
// text/plain form posts passing for JSON, no foreign Origin on a write) nor listen to the agents'
// socket; the chat widget's socket stays open to other sites without ever taking the agent cookie.
import { request } from 'node:http';
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';

const FOREIGN = 'http://127.0.0.1:9';
const DESK = 'http://desk.acme.test:8080';
const WIDGET_KEY = 'pk-cross-site';

describe('cross-site requests with the agent cookie', () => {
  let h: Harness;
  let cookie: string;
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness({ env: { ALLOWED_ORIGINS: DESK }, channels: [{ kind: 'webchat', name: 'Site chat', address: WIDGET_KEY, settings: {} }] });
    const res = await fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.workspace.agents[0]!.email, password: 'correct horse battery' }) });
    cookie = res.headers.get('set-cookie')!.split(';')[0]!;
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'kim@customer.test', subject: 'Invoice', text: 'My invoice is wrong' }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (path: string, headers: Record<string, string>, body: string) => fetch(`${h.apiUrl}${path}`, { method: 'POST', headers: { cookie, ...headers }, body });
  const calendars = () => h.testDb.db.businessCalendar.count();
  const notes = () => h.testDb.db.message.count({ where: { conversationId, kind: 'note' } });

  it('refuses a text/plain form post that spells JSON (415) and creates no calendar', async () => {
    const before = await calendars();
    // What <form enctype="text/plain"> with one cleverly named field sends.
    const res = await post('/api/sla/calendars', { 'content-type': 'text/plain;charset=UTF-8' }, '{"name":"Forged","timeZone":"UTC","weeklyHours":{},"holidays":[],"x":"="}');
    expect(res.status).toBe(415);
    expect(((await res.json()) as any).error).toEqual({ code: 'unsupported_media_type', message: 'Send the body as JSON (Content-Type: application/json), not text/plain' });
    const urlencoded = await post('/api/conversations/' + conversationId + '/notes', { 'content-type': 'application/x-www-form-urlencoded' }, 'text=forged');
    expect(urlencoded.status).toBe(415);
    expect(await calendars()).toBe(before);
  });

  it('refuses a JSON write whose Origin is another port of the same host, or whose browser says same-site', async () => {
    const before = await notes();
    const foreign = await post(`/api/conversations/${conversationId}/notes`, { 'content-type': 'application/json', origin: FOREIGN }, JSON.stringify({ text: 'forged' }));
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as any).error.message).toMatch(/^Requests from the page at http:\/\/127\.0\.0\.1:9 are not accepted/);
    const sameSite = await post(`/api/conversations/${conversationId}/notes`, { 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, JSON.stringify({ text: 'forged' }));
    expect(sameSite.status).toBe(403);
    const login = await fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: FOREIGN }, body: JSON.stringify({ email: h.workspace.agents[0]!.email, password: 'correct horse battery' }) });
    expect(login.status).toBe(403);
    expect(await notes()).toBe(before);
  });

  it('accepts writes from its own origin, PUBLIC_URL, ALLOWED_ORIGINS and API clients that send no Origin', async () => {
    const before = await notes();
    const json = { 'content-type': 'application/json' };
    for (const origin of [h.apiUrl, 'http://localhost:3000', DESK]) {
      const res = await post(`/api/conversations/${conversationId}/notes`, { ...json, origin, 'sec-fetch-site': 'same-origin' }, JSON.stringify({ text: `from ${origin}` }));
      expect(res.status, origin).toBe(201);
    }
    const token = await h.login(h.workspace.agents[0]!.email);
    expect((await h.api(token, 'POST', `/api/conversations/${conversationId}/notes`, { text: 'from curl' })).status).toBe(201);
    // Reads are not writes: a foreign page may send a GET (CORS keeps the answer from it).
    expect((await fetch(`${h.apiUrl}/api/me`, { headers: { cookie, origin: FOREIGN } })).status).toBe(200);
    expect(await notes()).toBe(before + 4);
  });

  it("accepts the web app behind the Vite dev server's proxy, which keeps the browser's Host and Origin", async () => {
    const dev = 'localhost:5173';
    const url = new URL(`${h.apiUrl}/api/conversations/${conversationId}/notes`);
    const body = JSON.stringify({ text: 'from the dev server' });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { host: dev, origin: `http://${dev}`, cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(201);
  });

  const connect = (namespace: string, opts: { origin?: string; auth?: Record<string, string>; transport?: 'websocket' | 'polling' }) =>
    new Promise<{ socket: Socket; error: string | null }>((resolve) => {
      const socket = ioClient(`${h.apiUrl}${namespace}`, {
        transports: [opts.transport ?? 'websocket'],
        reconnection: false,
        auth: opts.auth ?? {},
        extraHeaders: { cookie, ...(opts.origin ? { origin: opts.origin } : {}) },
      });
      socket.once('connect', () => resolve({ socket, error: null }));
      socket.once('connect_error', (err) => resolve({ socket, error: err.message }));
    });

  it("does not let another origin's page onto the agents' socket with the cookie; Parley's own pages still connect", async () => {
    const foreign = await connect('/', { origin: FOREIGN });
    expect(foreign.error).toBe('unauthenticated');
    foreign.socket.disconnect();
    const polling = await connect('/', { origin: FOREIGN, transport: 'polling' });
    expect(polling.error).toBe('unauthenticated');
    polling.socket.disconnect();
    const sibling = await connect('/', { origin: 'http://help.acme.test:3000' });
    expect(sibling.error).toBe('unauthenticated');
    sibling.socket.disconnect();
    for (const origin of [h.apiUrl, DESK, undefined]) {
      const own = await connect('/', { origin });
      expect(own.error, String(origin)).toBeNull();
      own.socket.disconnect();
    }
  });

  it('keeps the chat widget open to other sites, as a visitor and never as the agent whose cookie came along', async () => {
    const socket = ioClient(`${h.apiUrl}/visitor`, { transports: ['websocket'], reconnection: false, auth: { channel: WIDGET_KEY }, extraHeaders: { cookie, origin: FOREIGN } });
    // The widget's first answer: a new visitor session (no agent session is made from the cookie).
    const session = await new Promise<{ visitorId: string; token: string | null }>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    expect(session.token).toEqual(expect.any(String));
    const join = await socket.timeout(5_000).emitWithAck('conversation.join', { conversationId });
    expect(join).toEqual({ ok: false, error: { code: 'unknown_event', message: 'visitors cannot use conversation.join' } });
    socket.disconnect();
  });
});
