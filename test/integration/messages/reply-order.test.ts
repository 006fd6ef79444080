// Replies to one conversation reach the customer in the order the agent wrote them, also when the
// customer's mail server was down while they were written, with several deliver workers, and a
// reply that fails for good does not hold back the ones after it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkerSet } from '../../../src/runtime.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('reply order', () => {
  let h: Harness;
  let token: string;
  let moreWorkers: Awaited<ReturnType<typeof startWorkerSet>>;

  beforeAll(async () => {
    h = await startHarness();
    // A second worker process on the same queues: replies of one conversation may land on either.
    moreWorkers = await startWorkerSet(h.rt);
    token = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await moreWorkers?.close();
    await h?.close();
  });

  const conversationWith = async (from: string, subject: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text: 'Hello?' }));
  const reply = async (conversationId: string, text: string) => {
    const res = await h.api<{ id: string }>(token, 'POST', `/api/conversations/${conversationId}/messages`, { text });
    expect(res.status).toBe(202);
    return res.body.id;
  };
  const message = (id: string) => h.testDb.db.message.findUniqueOrThrow({ where: { id } });
  const jobState = (messageId: string) => h.rt.deps.queues.raw('deliver').getJobState(`deliver-${messageId}`);
  const arrivalOrder = (texts: string[]) =>
    h.sink.messages.map((m) => texts.find((t) => m.parsed.text?.includes(t))).filter((t): t is string => t !== undefined);

  it('two replies written during an SMTP outage arrive oldest first once the server is back', async () => {
    const conv = await conversationWith('olga@example.com', 'Outage order');
    h.sink.refuseAll(451);
    const first = await reply(conv, 'First: we are looking into it.');
    // The first reply has been refused twice: its next attempt is a few seconds off (backoff 2 s, 4 s ...).
    await waitUntil(async () => (await message(first)).deliveryAttempts >= 2 && (await jobState(first)) === 'delayed', 'the first reply to be retrying');
    const second = await reply(conv, 'Second: it is fixed.');
    // The second reply's job has been looked at: without ordering it would have been tried (and refused) by now.
    await waitUntil(async () => (await jobState(second)) === 'delayed', 'the second reply to wait');
    expect((await message(second)).deliveryAttempts).toBe(0);
    h.sink.refuseAll(null);

    await h.sink.waitFor((m) => m.parsed.text?.includes('Second: it is fixed.') ?? false, 30_000);
    expect(arrivalOrder(['First: we are looking into it.', 'Second: it is fixed.'])).toEqual(['First: we are looking into it.', 'Second: it is fixed.']);
    const [a, b] = [await message(first), await message(second)];
    expect([a.deliveryStatus, b.deliveryStatus]).toEqual(['sent', 'sent']);
    expect(b.deliveryAttempts).toBe(1);
    expect(a.sentAt!.getTime()).toBeLessThanOrEqual(b.sentAt!.getTime());
  });

  it('three replies queued at once go out in order across several deliver workers', async () => {
    const conv = await conversationWith('piet@example.com', 'Burst order');
    h.sink.refuseAll(451);
    const texts = ['Reply one.', 'Reply two.', 'Reply three.'];
    const ids: string[] = [];
    for (const t of texts) ids.push(await reply(conv, t));
    await waitUntil(async () => (await Promise.all(ids.map(jobState))).every((s) => s === 'delayed'), 'every reply to wait or retry');
    h.sink.refuseAll(null);
    await h.sink.waitFor((m) => m.parsed.text?.includes('Reply three.') ?? false, 30_000);
    expect(arrivalOrder(texts)).toEqual(texts);
    // The sink's 250 comes before the worker records it: wait for the records, then compare.
    await waitUntil(async () => (await Promise.all(ids.map(message))).every((m) => m.deliveryStatus === 'sent'), 'every reply to be recorded as sent');
    // Only the first was tried during the outage; each later one once, after the one before it went out.
    const sent = await Promise.all(ids.map(message));
    expect(sent.map((m) => m.deliveryAttempts)).toEqual([2, 1, 1]);
    expect(sent.map((m) => m.sentAt!.getTime())).toEqual(sent.map((m) => m.sentAt!.getTime()).sort((x, y) => x - y));
  });

  it('a reply that fails for good releases the next one at once', async () => {
    const conv = await conversationWith('quirin@example.com', 'Refused then fine');
    h.sink.failNext(1, 550);
    const refused = await reply(conv, 'This one is refused.');
    const next = await reply(conv, 'This one arrives.');
    await h.sink.waitFor((m) => m.parsed.text?.includes('This one arrives.') ?? false);
    expect((await message(refused)).deliveryStatus).toBe('failed');
    expect((await message(next)).deliveryStatus).toBe('sent');
    // Released by the failure, not by the held job's safety-net re-check 30 s later.
    expect((await message(next)).sentAt!.getTime() - (await message(refused)).updatedAt.getTime()).toBeLessThan(10_000);
  });
});
