// A snooze may carry a reason line; when the conversation wakes up by itself the reason comes back
// with it: on the list row and in the timeline ("Back from snooze: ...").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStatusTimers } from '../../../src/domain/conversations/run-status-timers.ts';
import { fixedClock } from '../../../src/clock.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('snooze reasons', () => {
  let h: Harness;
  let ada: string;
  const clock = fixedClock(new Date('2026-06-01T09:00:00Z'));

  beforeAll(async () => {
    h = await startHarness({ clock });
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps the reason while snoozed and shows it when the snooze ends', async () => {
    const conv = await h.conversationFor(await h.sendCustomerMail({ from: 'una@example.com', subject: 'Waiting on courier', text: 'Where is it?' }));
    const snoozed = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed', snoozedUntil: '2026-06-01T10:00:00Z', snoozeReason: '  Courier promised an update  ' });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozeReason: 'Courier promised an update' });

    clock.advance(61 * 60_000);
    expect(await runStatusTimers(h.rt.deps)).toBe(1);
    const row = ((await h.api(ada, 'GET', '/api/conversations?limit=100')).body.items as any[]).find((c) => c.id === conv);
    expect(row).toMatchObject({ status: 'open', snoozedUntil: null, snoozeReason: 'Courier promised an update' });
    const detail = (await h.api(ada, 'GET', `/api/conversations/${conv}`)).body;
    const statuses = (detail.events as any[]).filter((e) => e.kind === 'status').map((e) => e.data);
    expect(statuses).toEqual([
      expect.objectContaining({ to: 'snoozed', snoozeReason: 'Courier promised an update' }),
      expect.objectContaining({ from: 'snoozed', to: 'open', snoozeReason: 'Courier promised an update' }),
    ]);

    // The next status change by an agent clears it; a reason without a snooze is refused.
    const resolved = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'resolved' });
    expect(resolved.body.snoozeReason).toBeNull();
    const stray = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'open', snoozeReason: 'why' });
    expect(stray.status).toBe(422);
    expect(stray.body.error.message).toBe('snoozeReason goes with a snooze');
    const long = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed', snoozedUntil: '2026-06-02T10:00:00Z', snoozeReason: 'x'.repeat(201) });
    expect(long.status).toBe(422);
  });
});
