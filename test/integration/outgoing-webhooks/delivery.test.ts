// Outgoing webhooks on the wire: signed POSTs to a local receiver, retries with the configured
// backoff, permanent failures, replays with the same delivery id, and the events an inbound email
// and a status change emit. Real Postgres, Redis and workers; small waits set through the config.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordWebhookEvent } from '../../../src/domain/outgoing-webhooks/record-webhook-event.ts';
import { verifyWebhookSignature } from '../../../src/domain/outgoing-webhooks/sign-webhook.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';
import { HANG, startWebhookReceiver, type WebhookReceiver } from '../../support/webhook-receiver.ts';

const ALL_EVENTS = ['message.created', 'conversation.created', 'conversation.updated', 'conversation.status_changed', 'conversation.assigned', 'contact.created', 'contact.updated', 'contact.merged'];

describe('outgoing webhook delivery', () => {
  let h: Harness;
  let admin: string;
  let rx: WebhookReceiver;

  beforeAll(async () => {
    h = await startHarness({ env: { WEBHOOK_RETRY_DELAYS_MS: '300,600', WEBHOOK_MAX_ATTEMPTS: '4', WEBHOOK_SWEEP_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '500' } });
    admin = await h.login(h.workspace.agents[0]!.email);
    rx = await startWebhookReceiver();
  });
  afterAll(async () => {
    await h?.close();
    await rx?.close();
  });

  const createEndpoint = async (path: string, events: string[] = ['contact.merged']) => {
    const res = await h.api(admin, 'POST', '/api/webhook-endpoints', { url: rx.url(path), description: path, events });
    expect(res.status).toBe(201);
    return res.body as { id: string; secret: string };
  };
  const deliveries = async (endpointId: string) => (await h.api(admin, 'GET', `/api/webhook-endpoints/${endpointId}/deliveries`)).body.items as any[];
  const settled = (endpointId: string, deliveryId: string) =>
    waitUntil(async () => (await deliveries(endpointId)).find((d) => d.id === deliveryId && d.status !== 'pending'), `delivery ${deliveryId} to settle`);

  it('signs each POST so the secret verifies it and another secret does not', async () => {
    const ep = await createEndpoint('/signed');
    const test = await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/test`);
    expect(test.status).toBe(202);
    const [req] = await waitUntil(async () => (rx.on('/signed').length > 0 ? rx.on('/signed') : null), 'the test event');
    expect(req!.headers['parley-event']).toBe('webhook.test');
    expect(req!.headers['parley-delivery']).toBe(test.body.id);
    expect(req!.headers['content-type']).toBe('application/json');
    const header = req!.headers['parley-signature'] as string;
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    const now = new Date();
    expect(verifyWebhookSignature({ secret: ep.secret, header, body: req!.body, now })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature({ secret: 'whsec_someone_else', header, body: req!.body, now })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verifyWebhookSignature({ secret: ep.secret, header, body: req!.body.replace('test', 'tset'), now })).toMatchObject({ ok: false });
    expect(verifyWebhookSignature({ secret: ep.secret, header, body: req!.body, now: new Date(now.getTime() + 6 * 60_000) })).toEqual({ ok: false, reason: 'timestamp outside the tolerance' });
    const body = JSON.parse(req!.body);
    expect(body).toMatchObject({ id: test.body.eventId, type: 'webhook.test', workspaceId: h.workspace.workspace.id, data: { endpointId: ep.id } });
    // After a rotation only the new secret verifies.
    const rotated = await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/rotate-secret`);
    expect(rotated.body.secret).not.toBe(ep.secret);
    await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/test`);
    const second = await waitUntil(async () => rx.on('/signed')[1], 'the second test event');
    expect(verifyWebhookSignature({ secret: rotated.body.secret, header: second.headers['parley-signature'] as string, body: second.body, now: new Date() })).toMatchObject({ ok: true });
    expect(verifyWebhookSignature({ secret: ep.secret, header: second.headers['parley-signature'] as string, body: second.body, now: new Date() })).toMatchObject({ ok: false });
  });

  it('retries a 500 with the configured backoff until the 200, under one delivery id, and logs the attempts', async () => {
    const ep = await createEndpoint('/flaky');
    rx.script('/flaky', [500, 500, 200]);
    const test = await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/test`);
    const done = await settled(ep.id, test.body.id);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 3, lastStatusCode: 200, lastResponseExcerpt: 'ok', lastError: null });
    const calls = rx.on('/flaky');
    expect(calls.map((c) => c.headers['parley-delivery'])).toEqual([test.body.id, test.body.id, test.body.id]);
    expect(new Set(calls.map((c) => c.body)).size).toBe(1);
    // Waits of 300 ms then 600 ms (WEBHOOK_RETRY_DELAYS_MS), not immediate retries.
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(280);
    expect(calls[2]!.at - calls[1]!.at).toBeGreaterThanOrEqual(580);
    console.log(`retry gaps: ${calls[1]!.at - calls[0]!.at} ms, ${calls[2]!.at - calls[1]!.at} ms`);
  });

  it('stops at a 410 or a 400, retries a 429 and a timeout, and gives up after WEBHOOK_MAX_ATTEMPTS', async () => {
    for (const [path, script, expected] of [
      ['/gone', [410], { status: 'failed', attempts: 1, lastStatusCode: 410, lastError: 'the endpoint answered 410' }],
      ['/bad', [400], { status: 'failed', attempts: 1, lastStatusCode: 400 }],
      ['/busy', [429], { status: 'succeeded', attempts: 2, lastStatusCode: 200 }],
      ['/slow', [HANG, 200], { status: 'succeeded', attempts: 2, lastStatusCode: 200 }],
      ['/down', [503, 503, 503, 503, 503], { status: 'failed', attempts: 4, lastStatusCode: 503, lastError: 'the endpoint answered 503 (gave up after 4 attempts)' }],
    ] as const) {
      const ep = await createEndpoint(path);
      rx.script(path, [...script]);
      const test = await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/test`);
      expect(await settled(ep.id, test.body.id)).toMatchObject(expected);
      expect(rx.on(path)).toHaveLength(expected.attempts);
    }
    // The unanswered POST was given up after WEBHOOK_TIMEOUT_MS (500 ms), then retried after the first wait (300 ms).
    const [hung, retried] = rx.on('/slow');
    expect(retried!.at - hung!.at).toBeGreaterThanOrEqual(780);
    expect(retried!.at - hung!.at).toBeLessThan(5_000);
  });

  it('replays a failed delivery: the same delivery id and body, a new attempt', async () => {
    const ep = await createEndpoint('/replayed');
    rx.script('/replayed', [410]);
    const test = await h.api(admin, 'POST', `/api/webhook-endpoints/${ep.id}/test`);
    await settled(ep.id, test.body.id);
    const replay = await h.api(admin, 'POST', `/api/webhook-deliveries/${test.body.id}/replay`);
    expect(replay.status).toBe(202);
    expect(replay.body).toMatchObject({ id: test.body.id, status: 'pending' });
    const done = await waitUntil(async () => (await deliveries(ep.id)).find((d) => d.status === 'succeeded'), 'the replay');
    expect(done).toMatchObject({ id: test.body.id, attempts: 2, lastStatusCode: 200 });
    const [first, again] = rx.on('/replayed');
    expect(again!.headers['parley-delivery']).toBe(first!.headers['parley-delivery']);
    expect(again!.body).toBe(first!.body);
    // A succeeded delivery can be replayed too; a pending one cannot.
    expect((await h.api(admin, 'POST', `/api/webhook-deliveries/${test.body.id}/replay`)).status).toBe(202);
    const twice = await h.api(admin, 'POST', `/api/webhook-deliveries/${test.body.id}/replay`);
    expect([202, 409]).toContain(twice.status);
    await waitUntil(async () => (rx.on('/replayed').length >= 3 ? true : null), 'the second replay');
    const audit = await h.testDb.db.auditEvent.count({ where: { action: 'webhook_delivery.replay', targetId: ep.id } });
    expect(audit).toBeGreaterThanOrEqual(2);
  });

  it('emits message.created, conversation.created and contact.created for an inbound email, and status_changed for a resolve', async () => {
    const ep = await createEndpoint('/events', ALL_EVENTS);
    const sentAt = Date.now();
    const messageId = await h.sendCustomerMail({ from: 'Carla Customer <carla@customer.test>', subject: 'Broken kettle', text: 'It does not boil.' });
    const conversationId = await h.conversationFor(messageId);
    const types = () => rx.on('/events').map((r) => JSON.parse(r.body) as { type: string; data: any });
    const byType = (t: string) => types().filter((e) => e.type === t);
    await waitUntil(async () => byType('message.created').length > 0 && byType('conversation.created').length > 0 && byType('contact.created').length > 0, 'the inbound events');
    const arrival = (t: string) => rx.on('/events').find((r) => r.headers['parley-event'] === t)!.at - sentAt;
    console.log(`inbound email -> webhook: message.created ${arrival('message.created')} ms, contact.created (outbox sweep) ${arrival('contact.created')} ms`);
    const msg = byType('message.created')[0]!.data.message;
    expect(msg).toMatchObject({ conversationId, direction: 'in', kind: 'message', subject: 'Broken kettle' });
    expect(byType('conversation.created')[0]!.data.conversation).toMatchObject({ id: conversationId });
    expect(byType('contact.created')[0]!.data.contact).toMatchObject({ name: 'Carla Customer' });

    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/status`, { status: 'resolved' })).status).toBe(200);
    const change = await waitUntil(async () => byType('conversation.status_changed')[0], 'the status change event');
    expect(change.data).toMatchObject({ conversationId, change: { from: 'open', to: 'resolved' }, actor: { name: 'Alex Admin' } });

    // An agent's note is internal: no webhook carries it.
    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/notes`, { text: 'internal only' })).status).toBeLessThan(300);
    const reply = await h.api(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'We will send a new one.' });
    expect(reply.status).toBeLessThan(300);
    await waitUntil(async () => byType('message.created').find((e) => e.data.message.direction === 'out'), 'the outbound message event');
    expect(byType('message.created').some((e) => e.data.message.kind === 'note')).toBe(false);
    // Every event reached the log as succeeded, each delivery once.
    const log = await deliveries(ep.id);
    expect(log.every((d) => d.status === 'succeeded' || d.status === 'pending')).toBe(true);
    expect(new Set(rx.on('/events').map((r) => r.headers['parley-delivery'])).size).toBe(rx.on('/events').length);
  });

  it('emits contact.merged, written in the merge transaction, when an agent verifies a claim', async () => {
    await createEndpoint('/merged', ['contact.merged']);
    const ws = h.workspace.workspace.id;
    const owner = await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'Mo Owner', email: 'mo@example.test' } });
    const claimant = await h.testDb.db.contact.create({ data: { workspaceId: ws, name: 'Mo in the chat' } });
    const claim = await h.testDb.db.identityClaim.create({ data: { workspaceId: ws, contactId: claimant.id, field: 'email', value: 'mo@example.test', channelKind: 'webchat', reason: 'typed into the chat' } });
    const verified = await h.api(admin, 'POST', `/api/contacts/${claimant.id}/claims/${claim.id}/verify`);
    expect(verified.status).toBe(200);
    const [req] = await waitUntil(async () => (rx.on('/merged').length > 0 ? rx.on('/merged') : null), 'the merge event');
    expect(JSON.parse(req!.body)).toMatchObject({ type: 'contact.merged', data: { contact: { id: owner.id, name: 'Mo Owner' }, mergedContactId: claimant.id } });
  });

  it('keeps an event while the webhook workers are paused, and delivers a row no job was queued for (the outbox sweep)', async () => {
    const ep = await createEndpoint('/outbox', ['contact.updated']);
    const contact = await h.testDb.db.contact.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Otto' } });
    await h.rt.deps.queues.raw('webhook').pause();
    try {
      expect((await h.api(admin, 'PATCH', `/api/contacts/${contact.id}`, { name: 'Otto Outbox' })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1_500));
      const [row] = await deliveries(ep.id);
      expect(row).toMatchObject({ eventType: 'contact.updated', status: 'pending', attempts: 0 });
      expect(rx.on('/outbox')).toHaveLength(0);
    } finally {
      await h.rt.deps.queues.raw('webhook').resume();
    }
    const [req] = await waitUntil(async () => (rx.on('/outbox').length > 0 ? rx.on('/outbox') : null), 'the delivery once the workers run');
    expect(JSON.parse(req!.body)).toMatchObject({ type: 'contact.updated', data: { contact: { id: contact.id, name: 'Otto Outbox' }, changed: ['name'] } });

    // Written in a transaction with no job queued (as when Redis is away): the sweep sends it.
    const ids = await recordWebhookEvent(h.testDb.db, { workspaceId: h.workspace.workspace.id, type: 'contact.updated', data: { contact: { id: contact.id } }, at: new Date() });
    const { id } = await h.testDb.db.webhookDelivery.findFirstOrThrow({ where: { id: { in: ids }, endpointId: ep.id } });
    expect(await h.rt.deps.queues.raw('webhook').getJob(`webhook-${id}`)).toBeUndefined();
    const swept = await waitUntil(async () => rx.on('/outbox').find((r) => r.headers['parley-delivery'] === id), 'the swept delivery');
    expect(JSON.parse(swept.body)).toMatchObject({ type: 'contact.updated', data: { contact: { id: contact.id } } });
  });
});
