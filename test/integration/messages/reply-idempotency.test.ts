// A reply is sent once however often its POST arrives: the client's key (clientKey in the body or
// an Idempotency-Key header) makes a repeat, a retry after a lost answer or two racing requests
// answer the same message, and the customer gets one mail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('reply idempotency', () => {
  let h: Harness;
  let token: string;
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login(h.workspace.agents[0]!.email);
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Ines <ines@example.com>', subject: 'Broken lamp', text: 'It flickers.' }));
  });
  afterAll(async () => {
    await h?.close();
  });

  const reply = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    fetch(`${h.apiUrl}/api/conversations/${conversationId}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const deliveredTexts = () => h.sink.messages.map((m) => m.parsed.text ?? '');

  it('answers a repeated POST with the first reply and sends it once', async () => {
    const first = await reply({ text: 'A new lamp is on its way.', clientKey: 'local-lamp-0001' });
    const again = await reply({ text: 'A new lamp is on its way.', clientKey: 'local-lamp-0001' });
    expect([first.status, again.status]).toEqual([202, 202]);
    const [a, b] = [(await first.json()) as { id: string; clientKey: string }, (await again.json()) as { id: string }];
    expect(b.id).toBe(a.id);
    expect(a.clientKey).toBe('local-lamp-0001');
    await h.sink.waitFor((m) => (m.parsed.text ?? '').includes('A new lamp is on its way.'));
    await waitUntil(async () => (await h.testDb.db.message.findUniqueOrThrow({ where: { id: a.id } })).deliveryStatus === 'sent', 'the reply sent');
    // A reply sent after it proves the deliver queue had its chance to send the first one twice.
    await reply({ text: 'Tracking follows.', clientKey: 'local-lamp-0002' });
    await h.sink.waitFor((m) => (m.parsed.text ?? '').includes('Tracking follows.'));
    expect(deliveredTexts().filter((t) => t.includes('A new lamp is on its way.'))).toHaveLength(1);
    expect(await h.testDb.db.message.count({ where: { conversationId, direction: 'out' } })).toBe(2);
  });

  it('makes one message of two racing requests with the same key, also as an Idempotency-Key header', async () => {
    const key = 'race-key-0003';
    const [x, y] = await Promise.all([reply({ text: 'Racing once.' }, { 'idempotency-key': key }), reply({ text: 'Racing once.' }, { 'idempotency-key': key })]);
    expect([x.status, y.status]).toEqual([202, 202]);
    expect(((await x.json()) as { id: string }).id).toBe(((await y.json()) as { id: string }).id);
    expect(await h.testDb.db.message.count({ where: { conversationId, clientKey: key } })).toBe(1);
  });

  it('refuses a malformed key instead of ignoring it, and keys are per conversation', async () => {
    const bad = await reply({ text: 'x' }, { 'idempotency-key': 'no spaces allowed' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/^Idempotency-Key:/);
    const other = await h.conversationFor(await h.sendCustomerMail({ from: 'Ines <ines@example.com>', subject: 'Another thing', text: 'Also the switch.' }));
    const res = await fetch(`${h.apiUrl}/api/conversations/${other}/messages`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'On it.', clientKey: 'local-lamp-0001' }) });
    expect(res.status).toBe(202);
    expect(((await res.json()) as { conversationId: string }).conversationId).toBe(other);
  });
});
