// In Chromium: an admin logged in to Parley at http://127.0.0.1:PORT opens a page served from
// another port of the same host (another origin, the same site, so the SameSite=Lax session cookie
// goes along). Its script tries a text/plain form post and a credentialed fetch that would create an
// SLA calendar, and listens on Parley's socket.io with the cookie. Nothing is created and no event
// reaches it; the same attempts from Parley's own page do work (so the check is not "deny all").
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, logIn, type Browser } from '../support/browser.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

/** What both pages run: a calendar by fetch (as the page may send it), and a raw engine.io socket logging every frame. */
const probeScript = (parley: string, name: string, contentType: string) => `
window.frames_ = [];
window.fetched = null;
fetch(${JSON.stringify(`${parley}/api/sla/calendars`)}, {
  method: 'POST', credentials: 'include', mode: ${JSON.stringify(contentType === 'application/json' ? 'same-origin' : 'no-cors')},
  headers: { 'content-type': ${JSON.stringify(contentType)} },
  body: JSON.stringify({ name: ${JSON.stringify(name)}, timeZone: 'UTC', weeklyHours: {}, holidays: [] }),
}).then((r) => { window.fetched = r.type === 'opaque' ? 'sent' : r.status; }, (e) => { window.fetched = 'failed: ' + e; });
const ws = new WebSocket(${JSON.stringify(`${parley.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`)});
ws.onmessage = (m) => {
  window.frames_.push(m.data);
  if (m.data.startsWith('0{')) ws.send('40'); // engine.io open: join the agents' namespace
  if (m.data === '2') ws.send('3'); // ping, pong
};
ws.onclose = () => window.frames_.push('closed');
`;

function attackerPage(parley: string): string {
  // <form enctype="text/plain"> sends name=value: a field named like JSON makes the body read as JSON.
  const field = `{"name":"Forged by form","timeZone":"UTC","weeklyHours":{},"holidays":[],"x":"`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Cat pictures</title></head><body>
<iframe name="sink" id="sink"></iframe>
<form id="forge" method="POST" action="${parley}/api/sla/calendars" enctype="text/plain" target="sink"><input name='${field}' value='"}'></form>
<script>
window.formLoaded = false;
document.getElementById('sink').addEventListener('load', () => { window.formLoaded = true; });
document.getElementById('forge').submit();
${probeScript(parley, 'Forged by fetch', 'text/plain')}
</script></body></html>`;
}

describe('a page of another origin on the same host, with the admin logged in', () => {
  let h: Harness;
  let browser: Browser;
  let evil: Server;
  let evilUrl: string;
  let app: Page;
  let attacker: Page;
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness();
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'kim@customer.test', subject: 'Refund', text: 'Where is my refund?' }));
    evil = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(attackerPage(h.apiUrl)));
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    app = browser.page;
    await logIn(app, h.apiUrl, h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => evil?.close(resolve));
    await h?.close();
  });

  const frames = (p: Page) => p.evaluate(() => (globalThis as unknown as { frames_: string[] }).frames_);
  const calendarNames = async () => (await h.testDb.db.businessCalendar.findMany({ select: { name: true } })).map((c) => c.name).sort();

  it('cannot create anything or hear events with the cookie, while Parley’s own page can', async () => {
    const cookies = await browser.context.cookies(h.apiUrl);
    expect(cookies.map((c) => c.name)).toContain('parley_session');

    attacker = await browser.context.newPage();
    await attacker.goto(evilUrl);
    await waitUntil(() => attacker.evaluate(() => (globalThis as any).formLoaded && (globalThis as any).fetched !== null), 'the forged form post and fetch to be answered');
    // The browser sends it with the cookie; the answer's Cross-Origin-Resource-Policy keeps even its status from the page.
    expect(await attacker.evaluate(() => (globalThis as any).fetched)).toMatch(/^sent$|^failed: TypeError/);
    expect(await calendarNames()).toEqual([]);
    // The agents' namespace refuses the socket: its handshake arrived without the cookie.
    await waitUntil(async () => (await frames(attacker)).some((f) => f.startsWith('44') || f.startsWith('40{')), "the attacker's socket to be answered");
    expect((await frames(attacker)).find((f) => f.startsWith('44'))).toBe('44{"message":"unauthenticated"}');

    // The positive control, from Parley's own page with the same cookie.
    await app.evaluate(probeScript(h.apiUrl, 'Made by the app page', 'application/json'));
    await waitUntil(() => app.evaluate(() => (globalThis as any).fetched), 'the app page’s fetch');
    expect(await app.evaluate(() => (globalThis as any).fetched)).toBe(201);
    await waitUntil(async () => (await frames(app)).some((f) => f.startsWith('40{')), 'the app page’s socket to join');

    // An event every supervisor-level socket of the workspace hears.
    const admin = await h.login(h.workspace.agents[0]!.email);
    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/notes`, { text: 'Refund approved' })).status).toBe(201);
    await waitUntil(async () => (await frames(app)).some((f) => f.startsWith('42["message.created"') && f.includes('Refund approved')), 'the note to reach the app page');
    expect((await frames(attacker)).filter((f) => f.startsWith('42'))).toEqual([]);

    expect(await calendarNames()).toEqual(['Made by the app page']);
  });
});
