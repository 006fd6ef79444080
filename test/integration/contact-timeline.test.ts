// GET /api/contacts/:id/timeline: a customer's messages and calls across every channel, newest
// first, a page at a time; only what the viewer may see; a cursor that is not theirs is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid, startFakeTwilio, twilioWebhookPoster, type FakeTwilio } from '../support/fake-twilio.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const PUBLIC_URL = 'https://parley.example.test';
const SMS_NUMBER = '+14155550100';
const LEA_PHONE = '+14155550142';

describe('contact timeline', () => {
  let h: Harness;
  let fake: FakeTwilio;
  let admin: string;
  let bob: string; // agent, team Billing
  let contactId: string;
  const conversations: string[] = [];

  beforeAll(async () => {
    fake = await startFakeTwilio();
    h = await startHarness({
      env: { PUBLIC_URL, TWILIO_API_BASE: fake.url },
      channels: [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings: { accountSid: fake.accountSid, authToken: fake.authToken } }],
    });
    admin = await h.login(h.workspace.agents[0]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
    const post = twilioWebhookPoster({ apiUrl: h.apiUrl, publicUrl: PUBLIC_URL, authToken: fake.authToken });

    // Lea writes by email twice; we answer one; she then texts from a number we know is hers.
    conversations.push(await h.conversationFor(await h.sendCustomerMail({ from: 'Lea <lea@example.com>', subject: 'Order 4821', text: 'Where is order 4821?' })));
    conversations.push(await h.conversationFor(await h.sendCustomerMail({ from: 'lea@example.com', subject: 'Invoice', text: 'Please send the invoice.' })));
    expect((await h.api(admin, 'POST', `/api/conversations/${conversations[0]}/messages`, { text: 'It ships today.' })).status).toBe(202);
    expect((await h.api(admin, 'POST', `/api/conversations/${conversations[1]}/notes`, { text: 'Invoice is in the billing tool.' })).status).toBe(201);
    const conv = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversations[0]! } });
    contactId = conv.contactId;
    await h.testDb.db.contactIdentity.create({ data: { workspaceId: conv.workspaceId, contactId, channelKind: 'sms', address: LEA_PHONE } });
    const text = { MessageSid: sid('SM'), AccountSid: fake.accountSid, From: LEA_PHONE, To: SMS_NUMBER, Body: 'Texting you too: any news?', NumMedia: '0', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    expect((await post('/webhooks/twilio/messages', text)).status).toBe(200);
    conversations.push(await h.conversationFor(text.MessageSid));
  });
  afterAll(async () => {
    await h?.close();
    await fake?.close();
  });

  const timeline = (token: string, query = '') => h.api(token, 'GET', `/api/contacts/${contactId}/timeline${query}`);

  it('lists every message of every channel newest first, with its channel, direction and conversation', async () => {
    const res = await timeline(admin);
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    expect(res.body.items.map((m: any) => [m.text.trim(), m.direction, m.kind, m.channel.kind])).toEqual([
      ['Texting you too: any news?', 'in', 'message', 'sms'],
      ['Invoice is in the billing tool.', 'out', 'note', 'email'],
      ['It ships today.', 'out', 'message', 'email'],
      ['Please send the invoice.', 'in', 'message', 'email'],
      ['Where is order 4821?', 'in', 'message', 'email'],
    ]);
    const sms = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversations[2]! } });
    expect(sms.contactId).toBe(contactId);
    expect(res.body.items[0].conversation).toEqual({ id: sms.id, number: sms.number, subject: null, status: 'open' });
    expect(res.body.items[4].conversation).toMatchObject({ id: conversations[0], subject: 'Order 4821' });
  });

  it('pages with the cursor until the oldest entry, without gaps or repeats', async () => {
    const all = (await timeline(admin)).body.items.map((m: any) => m.id);
    const seen: string[] = [];
    let next: string | null = null;
    let pages = 0;
    do {
      const res = await timeline(admin, `?limit=2${next ? `&before=${next}` : ''}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((m: any) => m.id));
      next = res.body.next;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(seen).toEqual(all);
  });

  it('shows an agent only the conversations they may see', async () => {
    await h.testDb.db.conversation.update({ where: { id: conversations[0]! }, data: { teamId: h.workspace.teams.get('Support')!, assigneeId: null } });
    const res = await timeline(bob);
    expect(res.status).toBe(200);
    expect(res.body.items.map((m: any) => m.text.trim())).toEqual(['Texting you too: any news?', 'Invoice is in the billing tool.', 'Please send the invoice.']);
  });

  it('refuses a cursor that is not an entry of this contact and an unknown contact', async () => {
    const other = await h.conversationFor(await h.sendCustomerMail({ from: 'someone@example.org', subject: 'Other', text: 'Not Lea' }));
    const foreign = await h.testDb.db.message.findFirstOrThrow({ where: { conversationId: other } });
    const bad = await timeline(admin, `?before=${foreign.id}`);
    expect(bad.status).toBe(422);
    expect(bad.body.error).toEqual({ code: 'validation_failed', message: 'before: not an entry of this contact’s timeline' });
    const missing = await h.api(admin, 'GET', '/api/contacts/nobody/timeline');
    expect(missing.status).toBe(404);
  });
});
