// Next-response waits are recorded with the reply that ends them: not for the first response, one
// per customer wait (from its first message), and the backfill derives the same rows from messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillResponseWaits } from '../../../src/domain/reports/backfill-response-waits.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('response waits', () => {
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
});
