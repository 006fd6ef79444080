// What a customer's message does to SLA clocks, decided from facts in hand for the plain-SQL ingest
// path: the steps of slaOnCustomerMessage (first response and resolution on a new case, a next
// response per message once answered, a met resolution measured again on reopening, paused clocks
// running again), each with the timer its new state calls for.
import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../../src/db/client.ts';
import { alwaysOpenCalendar } from '../../../../src/domain/sla/calendar.ts';
import type { LoadedPolicy } from '../../../../src/domain/sla/load-policy.ts';
import { planCustomerMessageClocks } from '../../../../src/domain/sla/plan-customer-message-clocks.ts';

const H = 3_600_000;
const now = new Date('2026-03-02T10:00:00.000Z');
const wall = new Date('2026-03-02T10:00:00.123Z');

const policy: LoadedPolicy = {
  id: 'p1',
  name: 'Standard',
  position: 0,
  active: true,
  conditions: {},
  targets: { normal: { first_response: 3600, next_response: 1800, resolution: 86_400 } },
  calendarId: null,
  warnBeforeSeconds: [600],
  escalation: { raisePriority: false, notifyTeamLead: true, reassign: false },
};
const conversation = { id: 'c1', workspaceId: 'w1', priority: 'normal', firstResponseAt: null };

const clock = (c: Partial<SlaClock> & Pick<SlaClock, 'id' | 'metric' | 'key' | 'status'>): SlaClock => ({
  workspaceId: 'w1', conversationId: 'c1', policyId: 'p1', messageId: null, targetMs: H, elapsedMs: 0,
  startedAt: new Date(now.getTime() - 5 * H), runningSince: null, dueAt: null, version: 3, warnedAt: null, metAt: null,
  breachedAt: null, createdAt: new Date(now.getTime() - 5 * H), updatedAt: new Date(now.getTime() - 5 * H), ...c,
});

const plan = (over: Partial<Parameters<typeof planCustomerMessageClocks>[0]> = {}) =>
  planCustomerMessageClocks({ policy, cal: alwaysOpenCalendar, running: true, conversation, clocks: [], messageId: 'm1', now, wall, ...over });

describe('SLA clocks for a customer message, from facts in hand', () => {
  it('starts resolution and first response on a new conversation, each with its breach and warning times', () => {
    const p = plan();
    expect(p.created.map((c) => [c.key, c.status, c.targetMs, c.dueAt?.toISOString()])).toEqual([
      ['resolution', 'running', 86_400_000, '2026-03-03T10:00:00.000Z'],
      ['first_response', 'running', 3_600_000, '2026-03-02T11:00:00.000Z'],
    ]);
    expect(p.timers[1]).toMatchObject({ clockId: p.created[1]!.id, version: 0, dueAt: new Date('2026-03-02T11:00:00.000Z'), warnings: [{ at: new Date('2026-03-02T10:50:00.000Z'), beforeSeconds: 600 }] });
    expect(p.resumed).toEqual([]);
  });

  it('once answered, each message gets a next-response clock of its own; clocks start paused where they do not run', () => {
    const resolution = clock({ id: 'r', metric: 'resolution', key: 'resolution', status: 'running', runningSince: now });
    const p = plan({ conversation: { ...conversation, firstResponseAt: now }, clocks: [resolution], running: false });
    expect(p.created.map((c) => [c.key, c.messageId, c.status, c.dueAt])).toEqual([['next_response:m1', 'm1', 'paused', null]]);
    expect(p.timers).toEqual([]);
  });

  it('a reopening measures the met resolution again from where it stopped, and resumes paused clocks', () => {
    const met = clock({ id: 'r', metric: 'resolution', key: 'resolution', status: 'met', elapsedMs: 2 * H, targetMs: 24 * H, metAt: now });
    const paused = clock({ id: 'n', metric: 'next_response', key: 'next_response:m0', status: 'paused', elapsedMs: 10 * 60_000, targetMs: H });
    const p = plan({ conversation: { ...conversation, firstResponseAt: now }, clocks: [met, paused] });
    expect(p.resumed.map((c) => [c.id, c.status, c.metAt, c.version, c.dueAt?.toISOString()])).toEqual([
      ['r', 'running', null, 4, '2026-03-03T08:00:00.000Z'],
      ['n', 'running', null, 4, '2026-03-02T10:50:00.000Z'],
    ]);
    expect(p.created.map((c) => c.key)).toEqual(['next_response:m1']);
    expect(p.timers.map((t) => t.clockId)).toEqual(['r', p.created[0]!.id, 'n']);
  });

  it('starts no clock twice, and none for a metric the policy makes no promise for', () => {
    const first = clock({ id: 'f', metric: 'first_response', key: 'first_response', status: 'running', runningSince: now });
    const resolution = clock({ id: 'r', metric: 'resolution', key: 'resolution', status: 'running', runningSince: now });
    expect(plan({ clocks: [first, resolution] }).created).toEqual([]);
    expect(plan({ policy: { ...policy, targets: { normal: { first_response: 3600 } } } }).created.map((c) => c.key)).toEqual(['first_response']);
  });
});
