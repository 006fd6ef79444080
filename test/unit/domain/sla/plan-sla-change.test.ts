// What a change of SLA configuration does to running clocks: nothing when nothing changes, new due
// times counted from now with the time already spent kept (in the calendar it was spent in), a
// paused clock's new target, a clock cancelled when its new policy makes no promise for it.
import { describe, expect, it } from 'vitest';
import type { SlaClock } from '../../../../src/db/client.ts';
import { alwaysOpenCalendar, parseCalendar } from '../../../../src/domain/sla/calendar.ts';
import type { LiveConversation } from '../../../../src/domain/sla/live-clocks.ts';
import type { LoadedPolicy } from '../../../../src/domain/sla/load-policy.ts';
import { planSlaChange } from '../../../../src/domain/sla/plan-sla-change.ts';
import { withCalendar, withPolicy, type SlaConfig } from '../../../../src/domain/sla/sla-config.ts';

const H = 3_600_000;
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00.000Z`); // a Monday
const now = at('10:00');

const policy = (p: Partial<LoadedPolicy> & { id: string }): LoadedPolicy => ({
  name: p.id,
  position: 0,
  active: true,
  conditions: {},
  targets: { normal: { first_response: 4 * 3600 } },
  calendarId: null,
  warnBeforeSeconds: [],
  escalation: { raisePriority: false, notifyTeamLead: true, reassign: false },
  ...p,
});

const clock = (c: Partial<SlaClock>): SlaClock => ({
  id: 'clock-1',
  workspaceId: 'w',
  conversationId: 'conv-1',
  policyId: 'email',
  metric: 'first_response',
  key: 'first_response',
  messageId: null,
  targetMs: 4 * H,
  elapsedMs: 0,
  status: 'running',
  startedAt: at('08:00'),
  runningSince: at('08:00'),
  dueAt: at('12:00'),
  version: 3,
  warnedAt: null,
  metAt: null,
  breachedAt: null,
  createdAt: at('08:00'),
  updatedAt: at('08:00'),
  ...c,
});

const conversation = (clocks: SlaClock[]): LiveConversation => ({ id: 'conv-1', number: 7, priority: 'normal', slaPolicyId: 'email', facts: { channel: 'email', contactTier: null, tags: [], teamId: null }, clocks });
const config: SlaConfig = { policies: [policy({ id: 'email' })], calendars: new Map() };
const office = parseCalendar({ timeZone: 'UTC', weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '18:00' }] }, holidays: [] });

describe('planSlaChange', () => {
  it('changes nothing when the configuration is the same', () => {
    expect(planSlaChange({ conversations: [conversation([clock({})])], current: config, proposed: config, now })).toEqual({ changes: [], policyMoves: [] });
  });

  it('keeps the time spent and counts the rest from now in the new calendar', () => {
    const withOffice = withCalendar(withPolicy(config, policy({ id: 'email', calendarId: 'office' })), 'office', office);
    // Two hours spent (08-10, when every hour counted); the two left from 10:00 fit before noon: no change.
    expect(planSlaChange({ conversations: [conversation([clock({})])], current: config, proposed: withOffice, now }).changes).toEqual([]);
    const longer = withPolicy(withOffice, policy({ id: 'email', calendarId: 'office', targets: { normal: { first_response: 5 * 3600 } } }));
    const [change] = planSlaChange({ conversations: [conversation([clock({})])], current: config, proposed: longer, now }).changes;
    // Three left from 10:00: 10-12, then 14-15.
    expect(change).toMatchObject({ elapsedMs: 2 * H, dueChanged: true, next: { runningSince: now, targetMs: 5 * H, dueAt: at('15:00') } });
  });

  it('gives a paused clock its new target without a due time, and cancels one the new policy has no target for', () => {
    const paused = clock({ status: 'paused', runningSince: null, dueAt: null, elapsedMs: H });
    const resolution = clock({ id: 'clock-2', metric: 'resolution', key: 'resolution', targetMs: 8 * H, dueAt: at('16:00') });
    const proposed = withPolicy(config, policy({ id: 'email', targets: { normal: { first_response: 3600 } } }));
    const { changes } = planSlaChange({ conversations: [conversation([paused, resolution])], current: config, proposed, now });
    expect(changes.map((c) => [c.clock.id, c.next?.targetMs ?? null, c.next?.dueAt ?? null, c.dueChanged])).toEqual([
      ['clock-1', H, null, true],
      ['clock-2', null, null, true],
    ]);
  });

  it('moves a conversation to the policy that now comes first, and leaves clocks alone when no policy applies', () => {
    const vip = withPolicy(config, policy({ id: 'all', position: -1, targets: { normal: { first_response: 4 * 3600 } } }));
    const plan = planSlaChange({ conversations: [conversation([clock({})])], current: config, proposed: vip, now });
    expect(plan.policyMoves).toEqual([{ conversationId: 'conv-1', policyId: 'all' }]);
    expect(plan.changes).toMatchObject([{ policyId: 'all', dueChanged: false }]);
    const none = withPolicy(config, policy({ id: 'email', active: false }));
    expect(planSlaChange({ conversations: [conversation([clock({})])], current: config, proposed: none, now })).toEqual({ changes: [], policyMoves: [] });
  });

  it('treats a clock already overdue under both as unchanged', () => {
    const overdue = clock({ runningSince: at('05:00'), dueAt: at('09:00') });
    const proposed = withPolicy(config, policy({ id: 'email', targets: { normal: { first_response: 3 * 3600 } } }));
    const [change] = planSlaChange({ conversations: [conversation([overdue])], current: config, proposed, now }).changes;
    expect(change).toMatchObject({ dueChanged: true }); // the target itself changed
    const same = planSlaChange({ conversations: [conversation([overdue])], current: withCalendar(config, 'x', alwaysOpenCalendar), proposed: withCalendar(config, 'x', office), now });
    expect(same.changes).toEqual([]);
  });
});
