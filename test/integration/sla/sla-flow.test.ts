// SLA clocks through the real pipeline and workers: breaches recorded exactly once with their
// escalation, warnings turning a conversation amber, pauses while pending on the customer,
// next-response clocks per customer message, recomputation on priority change, complaints.
// Parley runs on a fixed clock that the tests move; the timer jobs the pipeline schedules are
// checked for their delay and then promoted, so the sla worker fires them at the moment set.
import type { Job } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import type { SlaClock } from '../../../src/db/client.ts';
import { handleSlaTimer } from '../../../src/domain/sla/handle-sla-timer.ts';
import { sweepOverdueClocks } from '../../../src/domain/sla/sweep-overdue-clocks.ts';
import { queueCatalog } from '../../../src/queues.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const MIN = 60_000;

describe('SLA', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  // Only ever moved forward; each test measures from the time its conversation started.
  const now = fixedClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    h = await startHarness({ clock: now });
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    const policies = [
      { name: 'Complaints', position: 0, conditions: { tags: ['complaint'] }, targets: { normal: { first_response: 60, next_response: 60, resolution: 3600 } }, warnBeforeSeconds: [], escalation: { raisePriority: true, notifyTeamLead: true } },
      { name: 'Email', position: 10, conditions: { channel: ['email'] }, targets: { normal: { first_response: 600, next_response: 600, resolution: 8 * 3600 }, urgent: { first_response: 300 } }, warnBeforeSeconds: [120] },
    ];
    for (const p of policies) expect((await h.api(admin, 'POST', '/api/sla/policies', p)).status).toBe(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  const conversationFor = (messageId: string) => h.conversationFor(messageId);
  const clock = (conversationId: string, key: string) => h.testDb.db.slaClock.findUniqueOrThrow({ where: { conversationId_key: { conversationId, key } } });
  /** The delayed job the pipeline scheduled for this clock (at its current version). */
  const timerJob = (c: SlaClock, kind: 'warn' | 'breach', beforeSeconds?: number): Promise<Job> => {
    const id = queueCatalog.sla.jobId({ clockId: c.id, version: c.version, kind, beforeSeconds });
    return waitUntil(() => h.rt.deps.queues.raw('sla').getJob(id), `the SLA job ${id}`);
  };
  /** Sets Parley's clock to `at` and has the sla worker run the job now; resolves with its outcome. */
  const fire = async (job: Job, at: number) => {
    now.set(new Date(at));
    await job.promote();
    return h.jobCompleted('sla', job.id!);
  };

  it('records a missed first response once, escalates it, and shows the conversation red', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's1@example.com', subject: 'Nobody answers', text: 'hello?' }));
    const running = await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'first_response' } }), 'the first-response clock');
    const start = running.runningSince!.getTime();
    expect(running.dueAt!.getTime()).toBe(start + 10 * MIN);
    // The warning is due two minutes before the ten-minute target, the breach at it.
    const warn = await timerJob(running, 'warn', 120);
    const breach = await timerJob(running, 'breach');
    expect([warn.delay, breach.delay]).toEqual([8 * MIN, 10 * MIN]);
    expect(await fire(warn, start + 8 * MIN)).toBe('warned');
    expect((await h.api(ada, 'GET', `/api/conversations/${conv}`)).body.sla).toMatchObject({ state: 'amber', metric: 'first_response' });
    expect(await fire(breach, start + 10 * MIN + 1000)).toBe('breached');
    const first = await clock(conv, 'first_response');
    expect(first).toMatchObject({ status: 'breached', warnedAt: new Date(start + 8 * MIN), breachedAt: new Date(start + 10 * MIN + 1000) });
    const breaches = await h.testDb.db.slaBreach.findMany({ where: { conversationId: conv } });
    expect(breaches).toHaveLength(1);
    expect(breaches[0]).toMatchObject({ metric: 'first_response', dueAt: new Date(start + 10 * MIN) });
    // The escalation ran as part of the breach job.
    expect(breaches[0]!.escalatedAt).not.toBeNull();
    const notified = await h.testDb.db.notification.findFirst({ where: { kind: 'sla.breach', conversationId: conv } });
    expect(notified?.agentId).toBe(h.workspace.agents[0]!.id); // no team lead: supervisors and admins
    // The timer firing again, or the overdue sweep, changes nothing.
    expect(await handleSlaTimer(h.rt.deps, { clockId: first.id, version: first.version - 1, kind: 'breach' })).toBe('stale');
    expect(await sweepOverdueClocks(h.rt.deps, { graceSeconds: 0 })).toBe(0);
    expect(await h.testDb.db.slaBreach.count({ where: { conversationId: conv } })).toBe(1);
    const view = await h.api(ada, 'GET', `/api/conversations/${conv}`);
    expect(view.body.sla).toMatchObject({ state: 'red', metric: 'first_response' });
    // Both are in the conversation's timeline, once, when they happened.
    const sla = view.body.events.filter((e: { kind: string }) => e.kind.startsWith('sla.')).map((e: { kind: string; data: unknown; createdAt: string }) => [e.kind, e.data, e.createdAt]);
    const due = new Date(start + 10 * MIN).toISOString();
    expect(sla).toEqual([
      ['sla.warning', { metric: 'first_response', dueAt: due }, new Date(start + 8 * MIN).toISOString()],
      ['sla.breach', { metric: 'first_response', dueAt: due }, new Date(start + 10 * MIN + 1000).toISOString()],
    ]);
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
    now.advance(9 * MIN); // a minute to spare
    const reply = await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'a' });
    expect(await clock(conv, 'first_response')).toMatchObject({ status: 'met', elapsedMs: 9 * MIN });
    const m2 = await h.sendCustomerMail({ from: 's2@example.com', subject: 'Re: Quick one', text: 'and another thing', inReplyTo: reply.body.externalId });
    const msg = await waitUntil(async () => h.testDb.db.message.findFirst({ where: { externalId: m2 } }), 'the second message');
    const next = await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: `next_response:${msg.id}` } }), 'the next-response clock');
    expect(next).toMatchObject({ metric: 'next_response', messageId: msg.id, status: 'running' });
  });

  it('pauses while pending on the customer and resumes when they answer', async () => {
    const id = await h.sendCustomerMail({ from: 's3@example.com', subject: 'Pause me', text: 'q' });
    const conv = await conversationFor(id);
    await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'resolution' } }), 'the clocks');
    now.advance(5 * MIN);
    await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'Can you send a photo?' });
    expect((await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'pending' })).status).toBe(200);
    const paused = await clock(conv, 'resolution');
    expect(paused).toMatchObject({ status: 'paused', dueAt: null, runningSince: null, elapsedMs: 5 * MIN });
    now.advance(60 * MIN); // an hour pending on the customer
    await h.sendCustomerMail({ from: 's3@example.com', subject: 'Re: Pause me', text: 'here it is', inReplyTo: id });
    const resumed = await waitUntil(async () => ((await clock(conv, 'resolution')).status === 'running' ? clock(conv, 'resolution') : null), 'the clock to resume');
    // The hour spent pending did not count: the eight hours run on from the five minutes used.
    expect(resumed.elapsedMs).toBe(paused.elapsedMs);
    expect(resumed.runningSince).toEqual(now.now());
    expect(resumed.dueAt).toEqual(new Date(now.now().getTime() + 8 * 60 * MIN - 5 * MIN));
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).status).toBe('open');
  });

  it('raising the priority moves the due time to the stricter target', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's4@example.com', subject: 'Urgent?', text: 'q' }));
    const before = await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv, key: 'first_response' } }), 'the clock');
    await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'open', priority: 'urgent' });
    const after = await clock(conv, 'first_response');
    expect(after.targetMs).toBe(5 * MIN);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.dueAt!.getTime()).toBeLessThan(before.dueAt!.getTime());
    expect((await timerJob(after, 'breach')).delay).toBe(5 * MIN);
  });

  it('a complaint tag switches to the complaint policy, and its breach raises the priority', async () => {
    const conv = await conversationFor(await h.sendCustomerMail({ from: 's5@example.com', subject: 'This is unacceptable', text: 'I want to complain' }));
    await waitUntil(async () => h.testDb.db.slaClock.findFirst({ where: { conversationId: conv } }), 'the clocks');
    const tagged = await h.api(ada, 'PATCH', `/api/conversations/${conv}`, { tags: ['complaint'] });
    expect(tagged.status).toBe(200);
    const retargeted = await clock(conv, 'first_response');
    expect(retargeted.targetMs).toBe(MIN);
    const timer = await timerJob(retargeted, 'breach');
    expect(timer.delay).toBe(MIN);
    expect(await fire(timer, retargeted.runningSince!.getTime() + MIN + 1000)).toBe('breached');
    const c = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv }, include: { slaPolicy: true } });
    expect(c.priority).toBe('high');
    expect(c.slaPolicy?.name).toBe('Complaints');
    const breach = await h.testDb.db.slaBreach.findFirstOrThrow({ where: { conversationId: conv } });
    expect(breach.actions).toContain('priority normal -> high');
    const events = (await h.api(ada, 'GET', `/api/conversations/${conv}`)).body.events.map((e: { kind: string; data: unknown; actor: unknown }) => [e.kind, e.data, e.actor]);
    expect(events.slice(-2)).toEqual([
      ['sla.breach', { metric: 'first_response', dueAt: new Date(retargeted.dueAt!).toISOString() }, null],
      ['priority', { from: 'normal', to: 'high', via: 'sla-breach' }, null],
    ]);
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
