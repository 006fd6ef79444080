// Changing SLA configuration while conversations are under way: the preview says how many open
// conversations get new due times without writing anything, and saving moves exactly those clocks
// (time already spent kept, the rest counted in the new calendar), with timers at the new version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { queueCatalog } from '../../../src/queues.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const MIN = 60_000;
const MONDAY_9 = Date.parse('2026-03-02T09:00:00Z');

describe('SLA change previews', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let policyId: string;
  let conversations: string[];
  const now = fixedClock(new Date(MONDAY_9));
  const email = (firstResponse: number, extra: Record<string, unknown> = {}) => ({ name: 'Email', position: 10, conditions: { channel: ['email'] }, targets: { normal: { first_response: firstResponse } }, warnBeforeSeconds: [], ...extra });
  const firstClock = (conversationId: string) => h.testDb.db.slaClock.findUniqueOrThrow({ where: { conversationId_key: { conversationId, key: 'first_response' } } });
  const dues = async () => Promise.all(conversations.map(async (c) => (await firstClock(c)).dueAt?.toISOString() ?? null));

  beforeAll(async () => {
    h = await startHarness({ clock: now });
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    const created = await h.api(admin, 'POST', '/api/sla/policies', email(3600));
    expect(created.status).toBe(201);
    policyId = created.body.id;
    conversations = [];
    for (const i of [1, 2, 3]) conversations.push(await h.conversationFor(await h.sendCustomerMail({ from: `p${i}@example.com`, subject: `Case ${i}`, text: 'hello' })));
    await waitUntil(async () => (await h.testDb.db.slaClock.count({ where: { key: 'first_response' } })) === 3, 'three first-response clocks');
    now.set(new Date(MONDAY_9 + 10 * MIN));
  });
  afterAll(async () => {
    await h?.close();
  });

  it('counts the open conversations a longer target moves, and writes nothing', async () => {
    const before = await dues();
    expect(before).toEqual(Array(3).fill(new Date(MONDAY_9 + 60 * MIN).toISOString()));
    const preview = await h.api(admin, 'POST', `/api/sla/policies/${policyId}/preview`, email(7200));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ conversations: 3, clocks: 3 });
    expect(preview.body.examples[0]).toMatchObject({ metric: 'first_response', dueAt: before[0], newDueAt: new Date(MONDAY_9 + 120 * MIN).toISOString(), cancelled: false });
    expect(await dues()).toEqual(before);
    expect((await h.api(admin, 'POST', `/api/sla/policies/${policyId}/preview`, email(3600))).body).toMatchObject({ conversations: 0, clocks: 0 });
    // A new policy placed before the email one, for a tag nobody has, moves nothing.
    expect((await h.api(admin, 'POST', '/api/sla/policies/preview', { name: 'VIP', position: 0, conditions: { tags: ['vip'] }, targets: { normal: { first_response: 60 } } })).body.conversations).toBe(0);
    expect((await h.api(admin, 'POST', '/api/sla/policies/preview', { name: 'All', position: 0, targets: { normal: { first_response: 60 } } })).body.conversations).toBe(3);
  });

  it('saving moves the same clocks, keeping the time spent, with timers at the new version', async () => {
    const saved = await h.api(admin, 'PUT', `/api/sla/policies/${policyId}`, email(7200));
    expect(saved.status).toBe(200);
    expect(await dues()).toEqual(Array(3).fill(new Date(MONDAY_9 + 120 * MIN).toISOString()));
    const clock = await firstClock(conversations[0]!);
    expect(clock).toMatchObject({ elapsedMs: 10 * MIN, targetMs: 120 * MIN, runningSince: new Date(MONDAY_9 + 10 * MIN) });
    const job = await h.rt.deps.queues.raw('sla').getJob(queueCatalog.sla.jobId({ clockId: clock.id, version: clock.version, kind: 'breach' }));
    expect(job?.delay).toBe(110 * MIN);
  });

  it('a split-shift calendar: the preview and the save put the due time after the second shift starts', async () => {
    const hours = (second: string) => ({ name: 'Split', timeZone: 'UTC', weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: second, end: '18:00' }] }, holidays: [] });
    const calendar = await h.api(admin, 'POST', '/api/sla/calendars', hours('14:00'));
    expect(calendar.status).toBe(201);
    const withCalendar = email(4 * 3600, { calendarId: calendar.body.id });
    // 10 minutes spent, 230 left from 09:10: 170 until noon, the other 60 from 14:00.
    expect((await h.api(admin, 'POST', `/api/sla/policies/${policyId}/preview`, withCalendar)).body.examples[0].newDueAt).toBe('2026-03-02T15:00:00.000Z');
    await h.api(admin, 'PUT', `/api/sla/policies/${policyId}`, withCalendar);
    expect(await dues()).toEqual(Array(3).fill('2026-03-02T15:00:00.000Z'));
    const earlier = await h.api(admin, 'POST', `/api/sla/calendars/${calendar.body.id}/preview`, hours('13:00'));
    expect(earlier.body.conversations).toBe(3);
    expect(earlier.body.examples.map((e: { newDueAt: string }) => e.newDueAt)).toEqual(Array(3).fill('2026-03-02T14:00:00.000Z'));
    expect(await dues()).toEqual(Array(3).fill('2026-03-02T15:00:00.000Z'));
    expect((await h.api(admin, 'PUT', `/api/sla/calendars/${calendar.body.id}`, hours('13:00'))).status).toBe(200);
    expect(await dues()).toEqual(Array(3).fill('2026-03-02T14:00:00.000Z'));
  });

  it('a status that starts running the clock: the preview counts who is in it, the save resumes them', async () => {
    expect((await h.api(admin, 'POST', `/api/conversations/${conversations[0]}/status`, { status: 'pending' })).status).toBe(200);
    expect(await firstClock(conversations[0]!)).toMatchObject({ status: 'paused' });
    const preview = await h.api(admin, 'POST', '/api/statuses/pending/preview', { slaClock: 'run' });
    expect(preview.body).toMatchObject({ conversations: 1, clocks: 1 });
    expect((await h.api(admin, 'POST', '/api/statuses/pending/preview', { label: 'Waiting on customer' })).body.conversations).toBe(0);
    const saved = await h.api(admin, 'PATCH', '/api/statuses/pending', { slaClock: 'run', label: 'Waiting on customer' });
    expect(saved.body).toMatchObject({ key: 'pending', label: 'Waiting on customer', slaClock: 'run', category: 'pending' });
    expect(await firstClock(conversations[0]!)).toMatchObject({ status: 'running' });
    const built = await h.api(admin, 'PATCH', '/api/statuses/pending', { category: 'open' });
    expect(built.body.error.details).toEqual([{ path: 'category', message: 'the built-in status "pending" keeps its category' }]);
  });

  it('refuses agents, unknown policies and bad bodies, naming the field', async () => {
    expect((await h.api(ada, 'POST', `/api/sla/policies/${policyId}/preview`, email(60))).status).toBe(403);
    expect((await h.api(admin, 'POST', '/api/sla/policies/nope/preview', email(60))).status).toBe(404);
    const bad = await h.api(admin, 'POST', `/api/sla/policies/${policyId}/preview`, email(0));
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ path: 'targets.normal.first_response' })]);
    const calendar = await h.api(admin, 'POST', `/api/sla/policies/${policyId}/preview`, email(60, { calendarId: 'elsewhere' }));
    expect(calendar.body.error.details).toEqual([{ path: 'calendarId', message: 'no calendar elsewhere' }]);
    const team = await h.api(admin, 'PUT', `/api/sla/policies/${policyId}`, email(60, { conditions: { teamId: [h.workspace.teams.get('Support'), 'other-workspace-team'] } }));
    expect(team.body.error.details).toEqual([{ path: 'conditions.teamId.1', message: 'no team other-workspace-team' }]);
    const overlap = await h.api(admin, 'POST', '/api/sla/calendars', { name: 'Bad', timeZone: 'Mars/Olympus', weeklyHours: { tue: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] }, holidays: [] });
    expect(overlap.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual(['timeZone', 'weeklyHours.tue']);
  });
});
