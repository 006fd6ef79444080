// Admins add and change channels through the API: addresses in canonical form, settings checked
// against the kind's schema before anything is saved, secrets never shown and kept unless replaced,
// and a channel added this way receives mail at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACTED } from '../../src/domain/channels/admin-channel-view.ts';
import { startHarness, type Harness } from '../support/harness.ts';

const ACCOUNT = `AC${'a1'.repeat(16)}`;

describe('channel administration', () => {
  let h: Harness;
  let admin: string;
  let ada: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('adds an SMS channel with its number in E.164 and never shows the auth token', async () => {
    const res = await h.api(admin, 'POST', '/api/channels', { kind: 'sms', name: 'US SMS', address: '+1 (415) 555-0177', settings: { accountSid: ACCOUNT, authToken: 'tok-secret-1' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'sms', name: 'US SMS', address: '+14155550177', active: true, settings: { accountSid: ACCOUNT, authToken: REDACTED } });
    expect(JSON.stringify(res.body)).not.toContain('tok-secret-1');
    const stored = await h.testDb.db.channel.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(stored.settings).toEqual({ accountSid: ACCOUNT, authToken: 'tok-secret-1' });
    const list = await h.api(ada, 'GET', '/api/channels');
    expect(list.body.items.map((c: { address: string }) => c.address)).toContain('+14155550177');
    const audit = await h.testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'channel.create', targetId: res.body.id } });
    expect(audit.actorAgentId).toBe(h.workspace.agents[0]!.id);
    // The admin is shown the URL to give Twilio; a channel without a webhook (email over SMTP) has none.
    expect(res.body.webhookUrl).toBe(`${h.rt.config.PUBLIC_URL}/webhooks/sms/${res.body.id}`);
    expect((await h.api(admin, 'GET', `/api/channels/${h.workspace.channels[0]!.id}`)).body.webhookUrl).toBeNull();
  });

  it('says which field is wrong, refuses a taken address, and lets only admins manage channels', async () => {
    const bad = (body: object) => h.api(admin, 'POST', '/api/channels', { kind: 'sms', name: 'X', address: '+14155550178', settings: { accountSid: ACCOUNT, authToken: 't' }, ...body });
    const address = await bad({ address: 'not a number' });
    expect(address.status).toBe(422);
    expect(address.body.error.message).toBe('address: for a sms channel it is the Twilio number in E.164, e.g. +14155550100, or a short code, e.g. 72345');
    const sid = await bad({ settings: { accountSid: 'AC123', authToken: 't' } });
    expect(sid.status).toBe(422);
    expect(sid.body.error.message).toBe('settings.accountSid: accountSid must be "AC" followed by 32 hex digits');
    const smtp = await h.api(admin, 'POST', '/api/channels', { kind: 'email', name: 'Sales', address: 'sales@acme.test', settings: {} });
    expect(smtp.status).toBe(422);
    expect(smtp.body.error.message).toMatch(/^settings\.smtp: /);
    const kind = await bad({ kind: 'fax' });
    expect(kind.status).toBe(422);
    expect(kind.body.error.message).toMatch(/^kind: /);
    const taken = await bad({ address: '+1 415 555 0177' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe('A sms channel with the address +14155550177 exists already');
    expect((await h.api(ada, 'POST', '/api/channels', { kind: 'webchat', name: 'Web', address: 'ada-site' })).status).toBe(403);
    expect(await h.testDb.db.channel.count({ where: { address: { in: ['+14155550178', 'sales@acme.test', 'ada-site'] } } })).toBe(0);
  });

  it('changes name and settings, keeping a secret sent back redacted, and turns a channel off', async () => {
    const created = await h.api(admin, 'POST', '/api/channels', { kind: 'telegram', name: 'Bot', address: '@acme_helper_bot', settings: { botToken: '123456:AAsecret' } });
    expect(created.status).toBe(201);
    expect(created.body.address).toBe('acme_helper_bot');
    const id = created.body.id;
    const shown = await h.api(admin, 'GET', `/api/channels/${id}`);
    expect(shown.body.settings).toEqual({ botToken: REDACTED });
    // The admin edits what they were shown: the token comes back redacted and is kept.
    const changed = await h.api(admin, 'PATCH', `/api/channels/${id}`, { name: 'Helper bot', settings: { ...shown.body.settings, allowGroups: true } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Helper bot', settings: { botToken: REDACTED, allowGroups: true } });
    expect((await h.testDb.db.channel.findUniqueOrThrow({ where: { id } })).settings).toEqual({ botToken: '123456:AAsecret', allowGroups: true });
    // A redacted value where nothing is stored, and an invalid change, are refused and change nothing.
    const noSecret = await h.api(admin, 'PATCH', `/api/channels/${id}`, { settings: { webhookSecret: REDACTED } });
    expect(noSecret.status).toBe(422);
    expect(noSecret.body.error.message).toBe('settings.webhookSecret: give the value itself (there is no stored one to keep)');
    expect((await h.api(admin, 'PATCH', `/api/channels/${id}`, { settings: { botToken: 'nope' } })).status).toBe(422);
    expect((await h.testDb.db.channel.findUniqueOrThrow({ where: { id } })).settings).toEqual({ botToken: '123456:AAsecret', allowGroups: true });
    const off = await h.api(admin, 'PATCH', `/api/channels/${id}`, { active: false });
    expect(off.body.active).toBe(false);
    expect((await h.api(admin, 'PATCH', `/api/channels/${id}`, {})).status).toBe(422);
    expect((await h.api(ada, 'GET', `/api/channels/${id}`)).status).toBe(403);
    expect((await h.api(admin, 'GET', '/api/channels/nope')).status).toBe(404);
  });

  it('shows agents the templates of a WhatsApp channel, never its credentials, and checks them', async () => {
    const template = { name: 'Order update', contentSid: `HX${'ab'.repeat(16)}`, body: 'Hi {{1}}, order {{2}} shipped.', variables: [{ key: '1', label: 'Name' }, { key: '2', label: 'Order' }] };
    const settings = { accountSid: ACCOUNT, authToken: 'tok-wa', templates: [template] };
    const created = await h.api(admin, 'POST', '/api/channels', { kind: 'whatsapp', name: 'WA', address: '+14155550190', settings });
    expect(created.status).toBe(201);
    const list = await h.api(ada, 'GET', '/api/channels');
    const wa = list.body.items.find((c: { id: string }) => c.id === created.body.id);
    expect(wa.templates).toEqual([template]);
    expect(JSON.stringify(list.body)).not.toContain('tok-wa');
    const bad = await h.api(admin, 'PATCH', `/api/channels/${created.body.id}`, { settings: { templates: [{ ...template, contentSid: 'HX1' }] } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toBe('settings.templates.0.contentSid: contentSid must be "HX" followed by 32 hex digits');
  });

  it('an email channel added through the API takes mail at once', async () => {
    const sink = h.workspace.channels[0]!.settings as { smtp: object };
    const created = await h.api(admin, 'POST', '/api/channels', { kind: 'email', name: 'Sales', address: 'Sales@Acme.test', settings: { fromName: 'Acme Sales', smtp: sink.smtp } });
    expect(created.status).toBe(201);
    expect(created.body.address).toBe('sales@acme.test');
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'buyer@example.com', to: 'sales@acme.test', subject: 'Quote', text: 'A quote for 40 chairs, please.' }));
    const conv = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } });
    expect(conv.channelId).toBe(created.body.id);
  });
});
