// A chat visitor who types a customer's email address is a stranger until proven: they keep a
// contact of their own (agents never see the customer's history beside their chat), the claim is
// shown unverified, and only the link emailed to that address, or a supervisor's deliberate
// "Verify and merge", makes them that customer. Real socket.io, Postgres, Redis, workers and SMTP.
import { io as ioClient, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('identity claims typed into the chat widget', () => {
  let h: Harness;
  let admin: string;
  let agent: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'webchat', name: 'Website', address: 'acme-website', settings: { offlineWhenNobodyOnline: false } }] });
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await h?.close();
  });

  /** A new visitor who sends one message with the pre-chat form's email; resolves with their conversation. */
  async function visitorSays(clientId: string, text: string, email: string) {
    const socket = ioClient(`${h.apiUrl}/visitor`, { auth: { channel: 'acme-website' }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    const session = await new Promise<any>((resolve, reject) => {
      socket.once('session', resolve);
      socket.once('connect_error', reject);
    });
    expect(await socket.timeout(5000).emitWithAck('visitor.message', { clientId, text, name: 'Dana?', email })).toMatchObject({ ok: true });
    const message = await waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId: `${session.visitorId}:${clientId}` }, include: { conversation: true } }), `visitor message ${clientId}`);
    return { socket, visitorId: session.visitorId as string, conversation: message.conversation };
  }

  async function customerDana() {
    const emailId = await h.sendCustomerMail({ from: 'Dana Customer <dana@example.com>', subject: 'My address', text: 'My new address is 12 Secret Lane' });
    const conversationId = await h.conversationFor(emailId);
    return (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).contactId;
  }

  it('a visitor who claims an existing customer’s email is not merged: the customer’s history is not beside the chat, the claim shows unverified', async () => {
    const dana = await customerDana();
    const v = await visitorSays('c1', 'Hi, it is Dana, what is my address on file?', 'Dana@Example.com');
    expect(v.conversation.contactId).not.toBe(dana);

    const panel = await h.api(agent, 'GET', `/api/contacts/${v.conversation.contactId}`);
    expect(panel.body.email).toBeNull();
    expect(panel.body.identities.map((i: any) => [i.channelKind, i.verified])).toEqual([['webchat', true]]);
    expect(panel.body.conversations.map((c: any) => c.id)).toEqual([v.conversation.id]);
    expect(JSON.stringify(panel.body.timeline)).not.toContain('Secret Lane');

    const claims = await h.api(agent, 'GET', `/api/contacts/${v.conversation.contactId}/claims`);
    expect(claims.body).toMatchObject([{ field: 'email', value: 'dana@example.com', status: 'pending', reason: 'typed into the website chat', owner: { id: dana, name: 'Dana Customer' }, canSendLink: true }]);
    // The customer keeps only their own conversations.
    const customer = await h.api(agent, 'GET', `/api/contacts/${dana}`);
    expect(customer.body.conversations.map((c: any) => c.id)).not.toContain(v.conversation.id);
  });

  it('after the visitor follows the link emailed to that address they are merged into the customer', async () => {
    const dana = (await h.testDb.db.contact.findFirstOrThrow({ where: { email: 'dana@example.com', mergedIntoId: null } })).id;
    const v = await visitorSays('c2', 'Dana again, I can prove it', 'dana@example.com');
    const claim = await h.testDb.db.identityClaim.findFirstOrThrow({ where: { contactId: v.conversation.contactId } });

    const sent = await h.api(agent, 'POST', `/api/contacts/${v.conversation.contactId}/claims/${claim.id}/link`);
    expect(sent).toEqual({ status: 200, body: { emailedTo: 'dana@example.com' } });
    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('dana@example.com') && /Confirm your email/.test(m.parsed.subject ?? ''));
    const url = mail.parsed.text!.match(/http:\/\/\S+\/api\/identity-claims\/(\S+)/)!;
    const path = new URL(url[0]).pathname;
    // Not merged before the link is used, and a GET (a mail scanner fetching links) proves nothing.
    const page = await fetch(`${h.apiUrl}${path}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dana@example.com');
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: v.conversation.contactId } })).mergedIntoId).toBeNull();

    const confirmed = await fetch(`${h.apiUrl}${path}`, { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('confirmed');
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: v.conversation.id } })).contactId).toBe(dana);
    const customer = await h.api(agent, 'GET', `/api/contacts/${dana}`);
    expect(customer.body.conversations.map((c: any) => c.id)).toContain(v.conversation.id);
    expect(await h.testDb.db.auditEvent.findFirst({ where: { action: 'contact.claim_verified', targetId: dana } })).toMatchObject({ actorAgentId: null, data: { via: 'link', value: 'dana@example.com' } });
    // The visitor still reads only their own chat, and the link is spent.
    expect((await v.socket.timeout(5000).emitWithAck('visitor.history', {})).messages.map((m: any) => m.text)).toEqual(['Dana again, I can prove it']);
    expect((await fetch(`${h.apiUrl}${path}`, { method: 'POST' })).status).toBe(404);
  });

  it('a supervisor can verify and merge a claim deliberately; an agent cannot, and a forged link token is refused', async () => {
    const dana = (await h.testDb.db.contact.findFirstOrThrow({ where: { email: 'dana@example.com', mergedIntoId: null } })).id;
    const v = await visitorSays('c3', 'Dana on my phone', 'dana@example.com');
    const claim = await h.testDb.db.identityClaim.findFirstOrThrow({ where: { contactId: v.conversation.contactId } });
    const route = `/api/contacts/${v.conversation.contactId}/claims/${claim.id}/verify`;
    expect((await h.api(agent, 'POST', route)).status).toBe(403);
    expect((await fetch(`${h.apiUrl}/api/identity-claims/${'x'.repeat(43)}`, { method: 'POST' })).status).toBe(404);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: v.conversation.id } })).contactId).not.toBe(dana);

    expect(await h.api(admin, 'POST', route)).toEqual({ status: 200, body: { contactId: dana, mergedFromId: v.conversation.contactId } });
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: v.conversation.id } })).contactId).toBe(dana);
    const audit = await h.testDb.db.auditEvent.findFirst({ where: { action: 'contact.claim_verified', data: { path: ['claimId'], equals: claim.id } } });
    expect(audit).toMatchObject({ actorAgentId: h.workspace.agents[0]!.id, data: { via: 'agent' } });
  });
});
