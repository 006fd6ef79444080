// Statuses that move on by themselves: a snoozed conversation wakes at its time, a conversation
// pending on the customer resolves itself after the status's autoAfterSeconds, and a workspace
// status defined through the API follows its own rule.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { runStatusTimers } from '../../../src/domain/conversations/run-status-timers.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('status timers', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newConversation = async (from: string) => {
    const id = await h.sendCustomerMail({ from, subject: `Timers ${from}`, text: 'x' });
    return waitUntil(async () => (await h.testDb.db.message.findFirst({ where: { externalId: id } }))?.conversationId, 'conversation');
  };
  const at = (ms: number) => ({ ...h.rt.deps, clock: fixedClock(new Date(Date.now() + ms)) });

  it('wakes a snoozed conversation when its time comes, not before', async () => {
    const conv = await newConversation('snooze@example.com');
    const until = new Date(Date.now() + 3600_000);
    await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed', snoozedUntil: until.toISOString() });
    await runStatusTimers(at(60_000));
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).status).toBe('snoozed');
    await runStatusTimers(at(3601_000));
    const woken = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect(woken).toMatchObject({ status: 'open', statusKey: 'open', snoozedUntil: null });
    const audit = await h.testDb.db.auditEvent.findFirst({ where: { targetId: conv, action: 'conversation.status', actorAgentId: null } });
    expect(audit?.data).toMatchObject({ from: 'snoozed', to: 'open' });
  });

  it('resolves a conversation left pending on the customer for a week', async () => {
    const conv = await newConversation('pending@example.com');
    await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { status: 'pending' });
    await runStatusTimers(at(6 * 24 * 3600_000));
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).status).toBe('pending');
    await runStatusTimers(at(7 * 24 * 3600_000 + 60_000));
    const c = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } });
    expect(c.status).toBe('resolved');
    expect(c.resolvedAt).not.toBeNull();
  });

  it('follows a workspace-defined status: waiting on a supplier pauses SLA and reopens after two days', async () => {
    const created = await h.api(admin, 'POST', '/api/statuses', { key: 'supplier', label: 'Waiting on supplier', category: 'pending', slaClock: 'pause', autoAfterSeconds: 2 * 24 * 3600, autoToKey: 'open' });
    expect(created.status).toBe(201);
    expect((await h.api(admin, 'POST', '/api/statuses', { key: 'supplier', label: 'again', category: 'pending', slaClock: 'pause' })).status).toBe(409);
    const conv = await newConversation('supplier@example.com');
    const moved = await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { statusKey: 'supplier' });
    expect(moved.body).toMatchObject({ status: 'pending', statusKey: 'supplier' });
    expect((await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { statusKey: 'nope' })).status).toBe(422);
    await runStatusTimers(at(2 * 24 * 3600_000 + 60_000));
    expect(await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).toMatchObject({ status: 'open', statusKey: 'open' });
  });
});
