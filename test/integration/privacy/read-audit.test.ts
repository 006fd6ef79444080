// Reads of personal data are audited: opening a conversation or a contact records one entry per
// person and subject per ten minutes (reloads and parallel tabs add none), a refused read none;
// admins page through the log filtered by person and by customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('audit of reads', () => {
  // Parley's clock: the throttle window is measured with it.
  const clock = fixedClock(new Date());
  let h: Harness;
  let admin: string;
  let ada: string;
  let bob: string;
  let conversationId: string;
  let contactId: string;
  let otherConversationId: string;

  beforeAll(async () => {
    h = await startHarness({ clock });
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
    conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'Lea <lea@example.com>', subject: 'Order', text: 'Where is it?' }));
    contactId = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).contactId;
    otherConversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'max@example.com', subject: 'Billing', text: 'Invoice?' }));
    // Billing's conversation: Ada (Support) may not open it.
    await h.testDb.db.conversation.update({ where: { id: otherConversationId }, data: { teamId: h.workspace.teams.get('Billing')! } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const views = (agentIndex: number, action: string) => h.testDb.db.auditEvent.findMany({ where: { actorAgentId: h.workspace.agents[agentIndex]!.id, action } });

  it('an agent opening a conversation creates one entry; a second open within the window does not', async () => {
    expect((await h.api(ada, 'GET', `/api/conversations/${conversationId}`)).status).toBe(200);
    const first = await views(1, 'conversation.view');
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ targetType: 'conversation', targetId: conversationId, contactId, createdAt: clock.now() });

    clock.advance(9 * 60_000);
    expect((await h.api(ada, 'GET', `/api/conversations/${conversationId}`)).status).toBe(200);
    expect(await views(1, 'conversation.view')).toHaveLength(1);

    clock.advance(2 * 60_000);
    expect((await h.api(ada, 'GET', `/api/conversations/${conversationId}`)).status).toBe(200);
    expect(await views(1, 'conversation.view')).toHaveLength(2);
  });

  it('opening the customer records a contact view; parallel opens record it once', async () => {
    const opens = await Promise.all(Array.from({ length: 6 }, () => h.api(ada, 'GET', `/api/contacts/${contactId}?limit=1`)));
    expect(opens.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    const entries = await views(1, 'contact.view');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ targetType: 'contact', targetId: contactId, contactId });
  });

  it('a refused or missing read records nothing; other requests on the conversation are no reads', async () => {
    expect((await h.api(ada, 'GET', `/api/conversations/${otherConversationId}`)).status).toBe(404);
    expect((await h.api(ada, 'GET', '/api/conversations/no-such-id')).status).toBe(404);
    expect((await h.api(ada, 'GET', `/api/contacts/${contactId}/timeline`)).status).toBe(200);
    expect(await h.testDb.db.auditEvent.count({ where: { targetId: { in: [otherConversationId, 'no-such-id'] } } })).toBe(0);
    expect(await views(1, 'contact.view')).toHaveLength(1);
  });

  it('admins read the log filtered by person and by customer, a page at a time; others may not', async () => {
    expect((await h.api(ada, 'GET', '/api/audit')).status).toBe(403);
    expect((await h.api(bob, 'GET', `/api/audit?contactId=${contactId}`)).status).toBe(403);
    expect((await h.api(bob, 'GET', `/api/conversations/${otherConversationId}`)).status).toBe(200);
    expect((await h.api(admin, 'GET', `/api/conversations/${conversationId}`)).status).toBe(200);

    const adaId = h.workspace.agents[1]!.id;
    const byAda = await h.api(admin, 'GET', `/api/audit?agentId=${adaId}`);
    expect(byAda.status).toBe(200);
    expect(byAda.body.items.map((e: any) => e.action)).toEqual(['contact.view', 'conversation.view', 'conversation.view']);
    expect(byAda.body.items[0]).toMatchObject({ actor: { id: adaId, name: 'Ada Agent' }, contact: { id: contactId, name: 'Lea' } });

    const aboutLea = await h.api(admin, 'GET', `/api/audit?contactId=${contactId}&action=conversation.view`);
    expect(aboutLea.body.items.map((e: any) => e.actor.name)).toEqual(['Alex Admin', 'Ada Agent', 'Ada Agent']);
    expect(aboutLea.body.items.every((e: any) => e.targetId === conversationId)).toBe(true);

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; next: string | null } } = await h.api(admin, 'GET', `/api/audit?contactId=${contactId}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      pages.push(res.body.items.map((e) => e.id));
      cursor = res.body.next;
    } while (cursor);
    const all = (await h.api(admin, 'GET', `/api/audit?contactId=${contactId}`)).body.items.map((e: any) => e.id);
    expect(pages.flat()).toEqual(all);
    expect(all).toHaveLength(4);
    expect(pages).toHaveLength(2);
  });
});
