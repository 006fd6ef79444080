// Transient delivery failures (a 451 from the customer's mail server) are retried with capped
// backoff for the channel's window (5 days unless set), far beyond the old 8 attempts; then the
// reply is dead-lettered with a retry by hand, and supervisors see both states across the workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('long transient retry and the dead letter', () => {
  let h: Harness;
  let admin: string;
  let agent: string;
  // The worker's clock: real time plus a jump, so "five days later" is one assignment away.
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };

  beforeAll(async () => {
    // The clock jumps days ahead for the deliveries; the supervisor's session is not what is tested here.
    h = await startHarness({ clock, env: { DELIVER_RETRY_BASE_MS: '100', DELIVER_RETRY_MAX_MS: '400', SESSION_IDLE_MINUTES: String(30 * 24 * 60) } });
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const db = () => h.testDb.db;
  const message = (id: string) => db().message.findUniqueOrThrow({ where: { id } });
  const copies = (text: string) => h.sink.messages.filter((m) => m.parsed.text?.includes(text)).length;
  async function reply(from: string, text: string) {
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from, subject: `Re ${text}`, text: 'Hi' }));
    const res = await h.api<{ id: string }>(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text });
    expect(res.status).toBe(202);
    return res.body.id;
  }
  const deliveries = (token: string, state: string) => h.api<{ items: { id: string; deliveryError: string | null; nextAttemptAt: string | null }[] }>(token, 'GET', `/api/deliveries?state=${state}`);

  it('a mail server answering 451 for longer than the old budget (8 attempts) still gets the reply, exactly once', async () => {
    h.sink.failNext(12, 451);
    const id = await reply('xena@example.com', 'Your invoice is attached.');
    // While it is refused: retrying, with the next attempt shown, and on the supervisors' list.
    const retrying = await waitUntil(async () => {
      const m = await message(id);
      return m.deliveryAttempts >= 3 && m.nextAttemptAt && m.retryingSince ? m : null;
    }, 'retrying');
    expect(retrying.deliveryStatus).not.toBe('failed');
    expect(retrying.deliveryError).toMatch(/451/);
    const listed = await waitUntil(async () => (await deliveries(admin, 'retrying')).body.items.find((d) => d.id === id), 'listed as retrying');
    expect(listed.deliveryError).toMatch(/451/);

    const sent = await waitUntil(async () => {
      const m = await message(id);
      return m.deliveryStatus === 'sent' ? m : null;
    }, 'sent after the outage', 30_000);
    await h.queuesDrained(['deliver']);
    expect(sent.deliveryAttempts).toBe(13);
    expect(sent.retryingSince).toBeNull();
    expect(copies('Your invoice is attached.')).toBe(1);
    // One job for the message all along: no pile of jobs per attempt.
    expect(await h.rt.deps.queues.raw('deliver').getJobCounts('failed', 'completed')).toEqual({ failed: 0, completed: 0 });
  });

  it('after five days of 451 the reply is dead-lettered with the reason, listed, and a retry sends it once', async () => {
    h.sink.refuseAll(451);
    const id = await reply('yusuf@example.com', 'We will call you tomorrow.');
    // Retrying (the first failure recorded) before the clock jumps.
    await waitUntil(async () => ((await message(id)).retryingSince ? true : null), 'retrying');
    offsetMs += 5 * 24 * 3600_000 + 60_000;
    const dead = await waitUntil(async () => {
      const m = await message(id);
      return m.deliveryStatus === 'failed' ? m : null;
    }, 'dead-lettered');
    expect(dead.deadLetteredAt).not.toBeNull();
    expect(dead.deliveryError).toMatch(/^gave up after 5 days: .*451/);
    expect((await deliveries(admin, 'dead')).body.items.map((d) => d.id)).toContain(id);
    expect((await deliveries(admin, 'retrying')).body.items.map((d) => d.id)).not.toContain(id);
    // Agents do not get the workspace-wide list.
    expect((await deliveries(agent, 'dead')).status).toBe(403);
    expect((await h.api(admin, 'GET', '/api/deliveries?state=lost')).status).toBe(422);

    h.sink.refuseAll(null);
    expect((await h.api(admin, 'POST', `/api/messages/${id}/retry`)).status).toBe(202);
    const sent = await waitUntil(async () => {
      const m = await message(id);
      return m.deliveryStatus === 'sent' ? m : null;
    }, 'sent after the retry');
    expect(sent.deadLetteredAt).toBeNull();
    expect(copies('We will call you tomorrow.')).toBe(1);
    expect((await deliveries(admin, 'dead')).body.items.map((d) => d.id)).not.toContain(id);
  });

  it('the channel sets its own window (validated); the reason names it', async () => {
    const channelId = h.workspace.channels[0]!.id;
    const bad = await h.api<{ error: { code: string; message: string } }>(admin, 'PATCH', `/api/channels/${channelId}`, { settings: { retryForHours: -3 } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/retryForHours/);
    const ok = await h.api(admin, 'PATCH', `/api/channels/${channelId}`, { settings: { retryForHours: 2 } });
    expect(ok.status).toBe(200);
    h.sink.refuseAll(451);
    const id = await reply('zora@example.com', 'Two hours only.');
    await waitUntil(async () => ((await message(id)).retryingSince ? true : null), 'retrying');
    offsetMs += 2 * 3600_000 + 1_000;
    const dead = await waitUntil(async () => {
      const m = await message(id);
      return m.deliveryStatus === 'failed' ? m : null;
    }, 'dead-lettered after 2 hours');
    expect(dead.deliveryError).toMatch(/^gave up after 2 hours: /);
    h.sink.refuseAll(null);
  });
});
