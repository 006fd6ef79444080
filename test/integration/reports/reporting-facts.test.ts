// The facts reports read that the app records as it goes: next-response waits with the reply that
// ends them (not for the first response, one per customer wait, from its first message; the
// backfill derives the same rows from messages), and every presence change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillResponseWaits } from '../../../src/domain/reports/backfill-response-waits.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('reporting facts', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('records each wait an agent reply ends after the first response, and the backfill agrees', async () => {
    const first = await h.sendCustomerMail({ from: 'wendy@example.com', subject: 'Order', text: 'Where is my order?' });
    const conversationId = await h.conversationFor(first);
    const reply = await h.api(token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Looking into it' });
    expect(reply.status).toBe(202);
    expect(await h.testDb.db.responseWait.count({ where: { conversationId } })).toBe(0);
    // Two customer messages, then one reply: one wait, from the first of them.
    const again = await h.sendCustomerMail({ from: 'wendy@example.com', subject: 'Re: Order', text: 'Any news?', inReplyTo: reply.body.externalId, references: [first, reply.body.externalId] });
    expect(await h.conversationFor(again)).toBe(conversationId);
    await h.sendCustomerMail({ from: 'wendy@example.com', subject: 'Re: Order', text: 'Hello?', inReplyTo: reply.body.externalId, references: [first, reply.body.externalId] }).then((id) => h.conversationFor(id));
    const second = await h.api(token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Shipped today' });
    expect(second.status).toBe(202);
    // An agent writing twice in a row: no customer wait, no row.
    expect((await h.api(token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Tracking number follows' })).status).toBe(202);

    const db = h.testDb.db;
    const inbound = await db.message.findMany({ where: { conversationId, direction: 'in' }, orderBy: { createdAt: 'asc' } });
    const waits = await db.responseWait.findMany({ where: { conversationId } });
    expect(waits.map((w) => ({ messageId: w.messageId, agentId: w.agentId }))).toEqual([{ messageId: second.body.id, agentId: h.workspace.agents[0]!.id }]);
    // From when the conversation started waiting: as the second customer message was taken in.
    expect(Math.abs(waits[0]!.waitedFrom.getTime() - inbound[1]!.createdAt.getTime())).toBeLessThan(1000);
    const answered = await db.message.findUniqueOrThrow({ where: { id: second.body.id } });
    expect(waits[0]!.answeredAt.getTime()).toBe(answered.createdAt.getTime());

    // The backfill derives the same wait from the messages (and adds nothing twice).
    const recorded = waits[0]!;
    await db.responseWait.deleteMany({ where: { conversationId } });
    expect(await backfillResponseWaits(db, h.workspace.workspace.id)).toBe(1);
    const derived = await db.responseWait.findFirstOrThrow({ where: { conversationId } });
    expect({ ...derived, id: recorded.id, waitedFrom: recorded.waitedFrom }).toEqual(recorded);
    expect(derived.answeredAt).toEqual(answered.createdAt);
    expect(derived.waitedFrom).toEqual(inbound[1]!.createdAt);
    expect(await backfillResponseWaits(db, h.workspace.workspace.id)).toBe(0);
  });

  it('records every presence change, whoever makes it, and nothing for no change', async () => {
    const ada = h.workspace.agents[1]!;
    const adaToken = await h.login(ada.email);
    expect((await h.api(adaToken, 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);
    expect((await h.api(adaToken, 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);
    expect((await h.api(adaToken, 'POST', '/api/me/presence', { presence: 'away' })).status).toBe(200);
    expect((await h.api(token, 'POST', `/api/agents/${ada.id}/presence`, { presence: 'offline' })).status).toBe(200);
    const changes = await h.testDb.db.agentPresenceChange.findMany({ where: { agentId: ada.id }, orderBy: { at: 'asc' } });
    expect(changes.map((c) => c.presence)).toEqual(['online', 'away', 'offline']);
    const agent = await h.testDb.db.agent.findUniqueOrThrow({ where: { id: ada.id } });
    expect(changes.at(-1)!.at).toEqual(agent.presenceChangedAt);
  });
});
