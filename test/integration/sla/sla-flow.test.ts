// SLA clocks through the real pipeline and workers: breaches recorded exactly once with their
// escalation, warnings turning a conversation amber, pauses while pending on the customer,
// next-response clocks per customer message, recomputation on priority change, complaints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleSlaTimer } from '../../../src/domain/sla/handle-sla-timer.ts';
import { sweepOverdueClocks } from '../../../src/domain/sla/sweep-overdue-clocks.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('SLA', () => {
  let h: Harness;
  let admin: string;
  let ada: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    const policies = [
      { name: 'Complaints', position: 0, conditions: { tags: ['complaint'] }, targets: { normal: { first_response: 1, next_response: 1, resolution: 3600 } }, warnBeforeSeconds: [], escalation: { raisePriority: true, notifyTeamLead: true } },
      { name: 'Email', position: 10, conditions: { channel: ['email'] }, targets: { normal: { first_response: 2, next_response: 2, resolution: 3600 }, urgent: { first_response: 1 } }, warnBeforeSeconds: [1] },
    ];
    for (const p of policies) expect((await h.api(admin, 'POST', '/api/sla/policies', p)).status).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  const conversationFor = (messageId: string) => h.conversationFor(messageId);
  const clock = (conversationId: string, key: string) => h.testDb.db.slaClock.findUniqueOrThrow({ where: { conversationId_key: { conversationId, key } } });

  it('records a missed first response once, escalates it, and shows the conversation red', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's1@example.com', subject: 'Nobody answers', text: 'hello?' }));
    const first = await waitUntil(async () => ((await clock(conv, 'first_response')).status === 'breached' ? clock(conv, 'first_response') : null), 'the breach', 10_000);
    expect(first.warnedAt).not.toBeNull();
    const breaches = await h.testDb.db.slaBreach.findMany({ where: { conversationId: conv } });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ metric: 'first_response' });
    await waitUntil(async () => (await h.testDb.db.slaBreach.findFirst({ where: { conversationId: conv, escalatedAt: { not: null } } })), 'the escalation');
    const notified = await h.testDb.db.notification.findFirst({ where: { kind: 'sla.breach', conversationId: conv } });
    expect(notified?.agentId).toBe(h.workspace.agents[0]!.id); // no team lead: supervisors and admins
    // The timer firing again, or the overdue sweep, changes nothing.
    expect(await handleSlaTimer(h.rt.deps, { clockId: first.id, version: first.version - 1, kind: 'breach' })).toBe('stale');
    expect(await sweepOverdueClocks(h.rt.deps, { graceSeconds: 0 })).toBe(0);
    expect(await h.testDb.db.slaBreach.count({ where: { conversationId: conv } })).toBe(1);
    const view = await h.api(ada, 'GET', `/api/conversations/${conv}`);
    expect(view.body.sla).toMatchObject({ state: 'red', metric: 'first_response' });
    // Answering late closes the wait but keeps the breach on record.
    await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'Sorry for the wait' });
    const after = await clock(conv, 'first_response');
    expect(after.status).toBe('breached');
    expect(after.metAt).not.toBeNull();
    expect((await h.api(ada, 'GET', `/api/conversations/${conv}`)).body.sla).toMatchObject({ state: 'green', metric: 'resolution' });
  });

  it('a reply within target meets the clock; each later customer message gets its own next-response clock', async () => {
    const id = await h.sendCustomerMail({ from: 's2@example.com', subject: 'Quick one', text: 'q' });
    const conv = await conversationFor(id);
    await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'first_response' } }), 'the clock');
    const reply = await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'a' });
    expect((await clock(conv, 'first_response')).status).toBe('met');
    const m2 = await h.sendCustomerMail({ from: 's2@example.com', subject: 'Re: Quick one', text: 'and another thing', inReplyTo: reply.body.externalId });
    const msg = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: m2 } }), 'the second message');
    const next = await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: `next_response:${msg.id}` } }), 'the next-response clock');
    expect(next).toMatchObject({ metric: 'next_response', messageId: msg.id, status: 'running' });
  });

  it('pauses while pending on the customer and resumes when they answer', async () => {
    const id = await h.sendCustomerMail({ from: 's3@example.com', subject: 'Pause me', text: 'q' });
    const conv = await conversationFor(id);
    await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'resolution' } }), 'the clocks');
    await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'Can you send a photo?' });
    expect((await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'pending' })).status).toBe(200);
    const paused = await clock(conv, 'resolution');
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, runningSince: null });
    await new Promise((r) => setTimeout(r, 300));
    await h.sendCustomerMail({ from: 's3@example.com', subject: 'Re: Pause me', text: 'here it is', inReplyTo: id });
    const resumed = await waitUntil(async () => ((await clock(conv, 'resolution')).status === 'running' ? clock(conv, 'resolution') : null), 'the clock to resume');
    // The 300 ms spent pending did not count.
    expect(resumed.elapsedMs).toBe(paused.elapsedMs);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).status).toBe('open');
  });

  it('raising the priority moves the due time to the stricter target', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's4@example.com', subject: 'Urgent?', text: 'q' }));
    const before = await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'first_response' } }), 'the clock');
    await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'open', priority: 'urgent' });
    const after = await clock(conv, 'first_response');
    expect(after.targetMs).toBe(1000);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.dueAt!.getTime()).toBeLessThan(before.dueAt!.getTime());
  });

  it('a complaint tag switches to the complaint policy, and its breach raises the priority', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's5@example.com', subject: 'This is unacceptable', text: 'I want to complain' }));
    await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv } }), 'the clocks');
    const tagged = await h.api(ada, 'PATCH', `/api/conversations/${conv}`, { tags: ['complaint'] });
    expect(tagged.status).toBe(200);
    const c = await waitUntil(async () => {
      const x = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv }, include: { slaPolicy: true } });
      return x.priority === 'high' ? x : null;
    }, 'the escalation raising priority', 10_000);
    expect(c.slaPolicy?.name).toBe('Complaints');
    const breach = await h.testDb.db.slaBreach.findFirstOrThrow({ where: { conversationId: conv } });
    expect(breach.actions).toContain('priority normal -> high');
  });

  it('validates policies and calendars with messages that say what is wrong', async () => {
    const bad = await h.api(admin, 'POST', '/api/sla/policies', { name: 'x', targets: {} });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('targets');
    const cal = await h.api(admin, 'POST', '/api/sla/calendars', { name: 'Office', timeZone: 'Mars/Olympus', weeklyHours: {}, holidays: [] });
    expect(cal.status).toBe(422);
    expect(cal.body.error.message).toContain('time zone');
    const ok = await h.api(admin, 'POST', '/api/sla/calendars', { name: 'Office', timeZone: 'Europe/Berlin', weeklyHours: { mon: [{ start: '09:00', end: '17:00' }] }, holidays: ['2026-12-25'] });
    expect(ok.status).toBe(201);
    expect((await h.api(ada, 'POST', '/api/sla/policies', { name: 'y', targets: { normal: { first_response: 60 } } })).status).toBe(403);
  });
});
