// GET /metrics: Prometheus text for the operator who holds METRICS_TOKEN, nobody else; the counters
// move with what the process does (a webhook accepted, replayed and forged; the ingest job it made;
// the message reaching the agents), and every answer carries a request id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sid } from '../../support/fake-twilio.ts';
import { startTwilioHarness, type TwilioHarness } from '../../support/twilio-harness.ts';
import { twilioPayloads, type TwilioPayloads } from '../../support/twilio-payloads.ts';
import { waitUntil } from '../../support/wait.ts';

const TOKEN = 'metrics-token-0123456789';
const SMS_NUMBER = '+14155550100';

/** The value of one series: the metric's line whose labels include every one given. */
function valueOf(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

describe('/metrics', () => {
  let t: TwilioHarness;
  let sms: TwilioPayloads['sms'];
  const scrape = async () => {
    const res = await fetch(`${t.h.apiUrl}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    return res.text();
  };

  beforeAll(async () => {
    t = await startTwilioHarness({ channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }], env: { METRICS_TOKEN: TOKEN } });
    ({ sms } = twilioPayloads({ accountSid: t.fake.accountSid, smsNumber: SMS_NUMBER }));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is refused without the token or with another one', async () => {
    expect((await fetch(`${t.h.apiUrl}/metrics`)).status).toBe(401);
    expect((await fetch(`${t.h.apiUrl}/metrics`, { headers: { authorization: 'Bearer metrics-token-9999999999' } })).status).toBe(401);
    // An agent's session is not an operator's token.
    expect((await fetch(`${t.h.apiUrl}/metrics`, { headers: { authorization: `Bearer ${t.admin}` } })).status).toBe(401);
  });

  it('counts webhooks by outcome, the ingest job, and the time to the agents', async () => {
    const before = await scrape();
    expect(valueOf(before, 'parley_queue_jobs', { queue: 'ingest', state: 'waiting' })).toBeDefined();
    expect(valueOf(before, 'parley_process_resident_memory_bytes')).toBeGreaterThan(0);
    const accepted0 = valueOf(before, 'parley_webhooks_total', { channel: 'sms', outcome: 'accepted' }) ?? 0;

    const payload = sms('+14155550999', 'Where is my parcel?');
    expect((await t.post('/webhooks/twilio/messages', payload)).status).toBe(200);
    await waitUntil(() => t.h.testDb.db.message.findFirst({ where: { externalId: payload.MessageSid } }), 'the message');
    expect((await t.post('/webhooks/twilio/messages', payload)).status).toBe(200);
    expect((await t.post('/webhooks/twilio/messages', { ...payload, MessageSid: sid('SM') }, { signature: 'bm90IGEgc2lnbmF0dXJl' })).status).toBe(403);
    await t.h.queuesDrained(['ingest']);

    const after = await waitUntil(async () => {
      const text = await scrape();
      return (valueOf(text, 'parley_ingest_to_agent_seconds_count') ?? 0) >= 1 ? text : null;
    }, 'the ingest-to-agent histogram');
    expect(valueOf(after, 'parley_webhooks_total', { channel: 'sms', outcome: 'accepted' })).toBe(accepted0 + 1);
    expect(valueOf(after, 'parley_webhooks_total', { channel: 'sms', outcome: 'duplicate' })).toBe(1);
    expect(valueOf(after, 'parley_webhooks_total', { channel: 'sms', outcome: 'bad_signature' })).toBe(1);
    expect(valueOf(after, 'parley_job_duration_seconds_count', { queue: 'ingest', outcome: 'completed' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'parley_job_wait_seconds_count', { queue: 'ingest' })).toBeGreaterThanOrEqual(1);
    expect(valueOf(after, 'parley_socket_connections', { kind: 'agent' })).toBeDefined();
  });

  it('answers every request with an id: the caller\'s when sane, a new one otherwise', async () => {
    const given = await fetch(`${t.h.apiUrl}/api/me`, { headers: { authorization: `Bearer ${t.admin}`, 'x-request-id': 'lb-7f3a.42' } });
    expect(given.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const odd = await fetch(`${t.h.apiUrl}/api/me`, { headers: { authorization: `Bearer ${t.admin}`, 'x-request-id': 'a b;c' } });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refused = await fetch(`${t.h.apiUrl}/api/me`);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
