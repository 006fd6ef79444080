// Nothing is lost when a part is away: an event accepted while Redis is unreachable is recovered
// by the sweeper; deliveries retry transient SMTP failures and stop at permanent ones.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.ts';
import { acceptInboundEvent } from '../../src/domain/inbound/accept-inbound-event.ts';
import { sweepInboundEvents } from '../../src/domain/inbound/sweep-inbound-events.ts';
import { createQueues } from '../../src/queues.ts';
import { createProducerRedis } from '../../src/redis.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';
import { fixedClock } from '../../src/clock.ts';

describe('resilience', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('an email accepted while Redis is down is stored, then recovered by the sweeper', async () => {
    const deadRedis = createProducerRedis('redis://127.0.0.1:1', { retryStrategy: () => null });
    deadRedis.on('error', () => undefined);
    const deadQueues = createQueues(deadRedis, 'dead');
    const channel = h.workspace.channels[0]!;
    const raw = Buffer.from('From: Otto <otto@example.com>\r\nTo: help@acme.test\r\nSubject: Redis was down\r\nMessage-ID: <redis-down@example.com>\r\n\r\nStill here?\r\n');
    const result = await acceptInboundEvent({ db: h.testDb.db, queues: deadQueues, log: createLogger('silent') }, { workspaceId: channel.workspaceId, channelId: channel.id, externalId: '<redis-down@example.com>', raw });
    expect(result).toMatchObject({ duplicate: false, queued: false });
    await deadQueues.close().catch(() => undefined);
    deadRedis.disconnect();
    expect((await h.testDb.db.inboundEvent.findUniqueOrThrow({ where: { id: result.inboundEventId } })).status).toBe('received');

    // The sweeper runs later (clock a minute ahead) with Redis back.
    const later = fixedClock(new Date(Date.now() + 120_000));
    const swept = await sweepInboundEvents({ ...h.rt.deps, clock: later }, { staleSeconds: 60 });
    expect(swept).toBeGreaterThanOrEqual(1);
    const event = await waitUntil(async () => {
      const e = await h.testDb.db.inboundEvent.findUniqueOrThrow({ where: { id: result.inboundEventId } });
      return e.status === 'processed' ? e : null;
    }, 'the swept event to be processed');
    const message = await h.testDb.db.message.findUniqueOrThrow({ where: { id: event.messageId! } });
    expect(message.text).toContain('Still here?');
  });

  it('a reply that meets a temporary SMTP failure is retried and delivered', async () => {
    const id = await h.sendCustomerMail({ from: 'pat@example.com', subject: 'Retry me', text: 'Hi' });
    const conv = await waitUntil(async () => (await h.testDb.db.message.findFirst({ where: { externalId: id } }))?.conversationId, 'conversation');
    h.sink.failNext(1, 451);
    const reply = await h.api(token, 'POST', `/api/conversations/${conv}/messages`, { text: 'Here you go' });
    const sent = await waitUntil(async () => {
      const m = await h.testDb.db.message.findUniqueOrThrow({ where: { id: reply.body.id } });
      return m.deliveryStatus === 'sent' ? m : null;
    }, 'delivery after a retry', 20_000);
    expect(sent.deliveryAttempts).toBe(2);
    expect(sent.deliveryError).toBeNull();
    expect(h.sink.messages.filter((m) => m.parsed.messageId === reply.body.externalId)).toHaveLength(1);
  });

  it('a reply the server refuses permanently fails at once with the server\'s reason', async () => {
    const id = await h.sendCustomerMail({ from: 'quinn@example.com', subject: 'Refuse me', text: 'Hi' });
    const conv = await waitUntil(async () => (await h.testDb.db.message.findFirst({ where: { externalId: id } }))?.conversationId, 'conversation');
    h.sink.failNext(1, 550);
    const reply = await h.api(token, 'POST', `/api/conversations/${conv}/messages`, { text: 'You will not get this' });
    const failed = await waitUntil(async () => {
      const m = await h.testDb.db.message.findUniqueOrThrow({ where: { id: reply.body.id } });
      return m.deliveryStatus === 'failed' ? m : null;
    }, 'the permanent failure');
    expect(failed.deliveryAttempts).toBe(1);
    expect(failed.deliveryError).toContain('550');
  });
});
