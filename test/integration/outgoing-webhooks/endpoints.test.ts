// The webhook endpoints API: admins only, the secret shown once, clear 4xx for bad input, private
// hosts refused unless allowed, and another workspace's endpoints and deliveries never reachable.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookEndpoint } from '../../../src/domain/outgoing-webhooks/manage-endpoints.ts';
import { postWebhook } from '../../../src/domain/outgoing-webhooks/post-webhook.ts';
import type { Viewer } from '../../../src/domain/auth/viewer.ts';
import { purgeExpiredData } from '../../../src/domain/privacy/purge-expired-data.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('webhook endpoints API', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let otherAdmin: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    const tag = randomBytes(4).toString('hex');
    const w2 = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, { name: 'Globex', slug: `globex-${tag}`, agents: [{ email: `admin-${tag}@globex.test`, name: 'Gloria Admin', role: 'admin', password: PASSWORD }], channels: [] });
    otherAdmin = await h.login(w2.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates an endpoint with a secret shown once, edits, rotates and deletes it, audited', async () => {
    const created = await h.api(admin, 'POST', '/api/webhook-endpoints', { url: 'http://127.0.0.1:9/hooks', description: 'CRM sync', events: ['message.created', 'contact.merged', 'message.created'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: 'http://127.0.0.1:9/hooks', description: 'CRM sync', events: ['message.created', 'contact.merged'], active: true, secretRotatedAt: null });
    expect(created.body.secret).toMatch(/^whsec_[0-9a-f]{64}$/);
    const list = await h.api(admin, 'GET', '/api/webhook-endpoints');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).not.toHaveProperty('secret');
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);
    expect(list.body.eventTypes).toContain('conversation.status_changed');

    const edited = await h.api(admin, 'PATCH', `/api/webhook-endpoints/${created.body.id}`, { active: false, events: ['contact.created'] });
    expect(edited.body).toMatchObject({ active: false, events: ['contact.created'] });
    expect(edited.body).not.toHaveProperty('secret');
    const rotated = await h.api(admin, 'POST', `/api/webhook-endpoints/${created.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.secretRotatedAt).not.toBeNull();
    // A disabled endpoint sends no test event.
    const test = await h.api(admin, 'POST', `/api/webhook-endpoints/${created.body.id}/test`);
    expect(test.status).toBe(409);

    expect((await h.api(admin, 'DELETE', `/api/webhook-endpoints/${created.body.id}`)).status).toBe(204);
    expect((await h.api(admin, 'DELETE', `/api/webhook-endpoints/${created.body.id}`)).status).toBe(404);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: created.body.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['webhook_endpoint.create', 'webhook_endpoint.update', 'webhook_endpoint.rotate_secret', 'webhook_endpoint.delete']);
  });

  it('answers bad input with a 422 naming the field, and nothing is stored', async () => {
    for (const [body, field] of [
      [{ url: 'ftp://example.com/x', events: ['message.created'] }, 'url'],
      [{ url: 'not a url', events: ['message.created'] }, 'url'],
      [{ url: 'https://user:pw@example.com/x', events: ['message.created'] }, 'url'],
      [{ url: 'https://example.com/x', events: [] }, 'events'],
      [{ url: 'https://example.com/x', events: ['message.deleted'] }, 'events'],
    ] as const) {
      const res = await h.api(admin, 'POST', '/api/webhook-endpoints', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(JSON.stringify(res.body.error)).toContain(field);
    }
    expect((await h.api(admin, 'PATCH', '/api/webhook-endpoints/whatever', {})).status).toBe(422);
    expect(await h.testDb.db.webhookEndpoint.count()).toBe(0);
  });

  it('is for admins: agents are refused', async () => {
    expect((await h.api(ada, 'GET', '/api/webhook-endpoints')).status).toBe(403);
    expect((await h.api(ada, 'POST', '/api/webhook-endpoints', { url: 'http://127.0.0.1:9/x', events: ['message.created'] })).status).toBe(403);
  });

  it('never shows or lets another workspace use an endpoint or a delivery (404)', async () => {
    const ours = await h.api(admin, 'POST', '/api/webhook-endpoints', { url: 'http://127.0.0.1:9/ours', events: ['message.created'] });
    const sent = await h.api(admin, 'POST', `/api/webhook-endpoints/${ours.body.id}/test`);
    expect(sent.status).toBe(202);
    expect((await h.api(otherAdmin, 'GET', '/api/webhook-endpoints')).body.items).toEqual([]);
    const id = ours.body.id as string;
    for (const [method, path, body] of [
      ['PATCH', `/api/webhook-endpoints/${id}`, { active: false }],
      ['DELETE', `/api/webhook-endpoints/${id}`, undefined],
      ['POST', `/api/webhook-endpoints/${id}/rotate-secret`, undefined],
      ['POST', `/api/webhook-endpoints/${id}/test`, undefined],
      ['GET', `/api/webhook-endpoints/${id}/deliveries`, undefined],
      ['POST', `/api/webhook-deliveries/${sent.body.id}/replay`, undefined],
    ] as const) {
      const res = await h.api(otherAdmin, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const endpoint = await h.testDb.db.webhookEndpoint.findUniqueOrThrow({ where: { id } });
    expect(endpoint).toMatchObject({ active: true, secret: expect.stringMatching(/^whsec_/) as string });
    expect(await h.testDb.db.webhookDelivery.count({ where: { endpointId: id } })).toBe(1);
    // Events of our workspace never reach the other workspace's endpoints either.
    const theirs = await h.api(otherAdmin, 'POST', '/api/webhook-endpoints', { url: 'http://127.0.0.1:9/theirs', events: ['contact.updated'] });
    const contact = await h.testDb.db.contact.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Kim' } });
    expect((await h.api(admin, 'PATCH', `/api/contacts/${contact.id}`, { name: 'Kim K' })).status).toBe(200);
    expect(await h.testDb.db.webhookDelivery.count({ where: { endpointId: theirs.body.id } })).toBe(0);
  });

  it('refuses loopback, private and metadata hosts unless WEBHOOK_ALLOW_PRIVATE', async () => {
    const viewer: Viewer = { agentId: h.workspace.agents[0]!.id, workspaceId: h.workspace.workspace.id, role: 'admin', teamIds: [] };
    for (const url of ['http://127.0.0.1:8080/x', 'http://10.0.0.5/x', 'http://169.254.169.254/latest/meta-data', 'http://[::1]/x', 'http://localhost/x']) {
      await expect(createWebhookEndpoint({ db: h.testDb.db, allowPrivate: false }, viewer, { url, events: ['message.created'] }), url).rejects.toMatchObject({ code: 'validation_failed' });
    }
    // Checked again at send time: a name may resolve elsewhere by then.
    const refused = await postWebhook({ url: 'http://127.0.0.1:9/x', secret: 's', deliveryId: 'd', eventType: 'webhook.test', body: '{}' }, { allowPrivate: false, timeoutMs: 1000, now: new Date() });
    expect(refused).toMatchObject({ ok: false, permanent: true });
    expect(await h.testDb.db.webhookEndpoint.count({ where: { url: { contains: '169.254' } } })).toBe(0);
  });

  it('forgets the deliveries that carried an erased contact, and purges finished ones past the raw-payload retention', async () => {
    const ep = await h.api(admin, 'POST', '/api/webhook-endpoints', { url: 'http://127.0.0.1:9/privacy', events: ['contact.updated'] });
    const ws = h.workspace.workspace.id;
    const erased = await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'Eve Erased' } });
    const kept = await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'Ken Kept' } });
    for (const [c, name] of [[erased, 'Eve Erasable'], [kept, 'Ken Keeps']] as const) expect((await h.api(admin, 'PATCH', `/api/contacts/${c.id}`, { name })).status).toBe(200);
    const names = async () => (await h.testDb.db.webhookDelivery.findMany({ where: { endpointId: ep.body.id } })).map((d) => JSON.stringify(d.payload));
    expect((await names()).some((p) => p.includes('Eve Erasable'))).toBe(true);
    expect((await h.api(admin, 'POST', `/api/contacts/${erased.id}/erase`, { confirm: 'ERASE' })).status).toBe(200);
    const left = await names();
    expect(left.some((p) => p.includes('Eve'))).toBe(false);
    expect(left.some((p) => p.includes('Ken Keeps'))).toBe(true);

    await h.testDb.db.webhookDelivery.updateMany({ where: { endpointId: ep.body.id }, data: { status: 'failed', createdAt: new Date(Date.now() - 400 * 86_400_000) } });
    const counts = await purgeExpiredData(h.rt.deps);
    expect(counts.webhookDeliveries).toBeGreaterThanOrEqual(1);
    expect(await h.testDb.db.webhookDelivery.count({ where: { endpointId: ep.body.id } })).toBe(0);
  });
});
