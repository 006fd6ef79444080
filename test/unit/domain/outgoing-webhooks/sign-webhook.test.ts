// The signature scheme of docs/webhooks.md at a fixed instant, the retry waits, and which realtime
// events become webhook events.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { webhookRetryDelayMs } from '../../../../src/domain/outgoing-webhooks/deliver-webhook.ts';
import { newWebhookSecret, signatureHeader, verifyWebhookSignature } from '../../../../src/domain/outgoing-webhooks/sign-webhook.ts';
import { webhookEventOf } from '../../../../src/domain/outgoing-webhooks/webhook-publisher.ts';
import { loadConfig } from '../../../../src/config.ts';

const now = new Date('2026-12-04T20:00:00Z');

describe('webhook signatures', () => {
  it('is t=<seconds>,v1=HMAC-SHA256(secret, "<t>.<body>") in hex', () => {
    const body = '{"id":"e1","type":"message.created"}';
    const t = now.getTime() / 1000;
    expect(signatureHeader('whsec_abc', body, now)).toBe(`t=${t},v1=${createHmac('sha256', 'whsec_abc').update(`${t}.${body}`).digest('hex')}`);
  });

  it('verifies with the secret, and not with another, a changed body or an old timestamp', () => {
    const secret = newWebhookSecret();
    const body = '{"a":1}';
    const header = signatureHeader(secret, body, now);
    expect(verifyWebhookSignature({ secret, header, body, now })).toEqual({ ok: true, timestamp: now.getTime() / 1000 });
    expect(verifyWebhookSignature({ secret: newWebhookSecret(), header, body, now })).toEqual({ ok: false, reason: 'signature does not match' });
    expect(verifyWebhookSignature({ secret, header, body: '{"a":2}', now })).toMatchObject({ ok: false });
    expect(verifyWebhookSignature({ secret, header, body, now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: 'timestamp outside the tolerance' });
    expect(verifyWebhookSignature({ secret, header: 'v1=abc', body, now })).toEqual({ ok: false, reason: 'malformed Parley-Signature header' });
    expect(verifyWebhookSignature({ secret, header: undefined, body, now })).toMatchObject({ ok: false });
  });

  it('makes a different 32-byte secret each time', () => {
    const a = newWebhookSecret();
    expect(a).toMatch(/^whsec_[0-9a-f]{64}$/);
    expect(newWebhookSecret()).not.toBe(a);
  });
});

describe('webhook retry waits', () => {
  it('follows WEBHOOK_RETRY_DELAYS_MS (default 1 min, 5 min, 30 min, 2 h, 6 h ...) and repeats the last', () => {
    const config = loadConfig({});
    const policy = { delaysMs: config.WEBHOOK_RETRY_DELAYS_MS, maxAttempts: config.WEBHOOK_MAX_ATTEMPTS };
    expect([1, 2, 3, 4, 5].map((n) => webhookRetryDelayMs(n, policy))).toEqual([60_000, 300_000, 1_800_000, 7_200_000, 21_600_000]);
    expect(webhookRetryDelayMs(20, policy)).toBe(86_400_000);
    expect(policy.maxAttempts).toBe(8);
    expect(loadConfig({ WEBHOOK_RETRY_DELAYS_MS: '100, 250' }).WEBHOOK_RETRY_DELAYS_MS).toEqual([100, 250]);
    expect(() => loadConfig({ WEBHOOK_RETRY_DELAYS_MS: '100,soon' })).toThrow(/WEBHOOK_RETRY_DELAYS_MS/);
    expect(loadConfig({}).WEBHOOK_ALLOW_PRIVATE).toBe(false);
  });
});

describe('which realtime events are webhook events', () => {
  const message = { id: 'm1', kind: 'message', direction: 'in' } as never;
  it('sends messages but never notes, conversations as they are, and status changes from the activity', () => {
    expect(webhookEventOf('message.created', message)).toEqual({ type: 'message.created', data: { message } });
    expect(webhookEventOf('message.created', { id: 'n1', kind: 'note' } as never)).toBeNull();
    expect(webhookEventOf('message.updated', message)).toBeNull();
    expect(webhookEventOf('conversation.assigned', { id: 'c1' } as never)).toEqual({ type: 'conversation.assigned', data: { conversation: { id: 'c1' } } });
    const status = { kind: 'status', conversationId: 'c1', data: { from: 'open', to: 'resolved', label: 'Resolved', snoozedUntil: null }, actor: null, createdAt: now.toISOString(), id: 'e1' } as never;
    expect(webhookEventOf('conversation.activity', status)).toMatchObject({ type: 'conversation.status_changed', data: { conversationId: 'c1', change: { to: 'resolved' } } });
    expect(webhookEventOf('conversation.activity', { kind: 'tags', data: { added: [], removed: [] } } as never)).toBeNull();
  });
});
