// Contacts follow the conversation rule (issue 13, finding 2): an agent reads or edits a contact
// only when they may see at least one of its conversations; supervisors and admins see every
// contact of their workspace; nobody sees another workspace's.
import { testPasswords } from '../../support/passwords.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';

describe('who may see a contact', () => {
  let h: Harness;
  let ada: string; // agent, team Support
  let bob: string; // agent, team Billing
  let sue: string; // supervisor, no team
  let contactId: string;
  let conversationId: string;
  let foreignContactId: string;

  beforeAll(async () => {
    h = await startHarness();
    const db = h.testDb.db;
    const ws = h.workspace.workspace.id;
    const sueEmail = `sue-${ws}@acme.test`;
    await db.agent.create({ data: { workspaceId: ws, email: sueEmail, name: 'Sue Supervisor', role: 'supervisor', passwordHash: await testPasswords.hash(PASSWORD) } });
    [ada, bob, sue] = await Promise.all([h.login(h.workspace.agents[1]!.email), h.login(h.workspace.agents[2]!.email), h.login(sueEmail)]);

    // Vic's only conversation is Billing's and unassigned: Bob may see it, Ada may not.
    const contact = await db.contact.create({ data: { workspaceId: ws, name: 'Vic Customer', email: 'vic@example.com', phone: '+14155550199', tier: 'gold', tags: ['vip'] } });
    contactId = contact.id;
    await db.contactIdentity.create({ data: { workspaceId: ws, contactId, channelKind: 'email', address: 'vic@example.com' } });
    const seq = await db.workspace.update({ where: { id: ws }, data: { conversationSeq: { increment: 1 } } });
    const channelId = h.workspace.channels[0]!.id;
    const conversation = await db.conversation.create({ data: { workspaceId: ws, number: seq.conversationSeq, channelId, contactId, teamId: h.workspace.teams.get('Billing')!, subject: 'Refund' } });
    conversationId = conversation.id;
    await db.message.create({ data: { workspaceId: ws, conversationId, channelId, direction: 'in', authorContactId: contactId, text: 'Please refund order 77' } });

    const other = await createWorkspace({ db, passwords: testPasswords }, { name: 'Globex', slug: `globex-${ws}`, agents: [], channels: [] });
    foreignContactId = (await db.contact.create({ data: { workspaceId: other.workspace.id, name: 'Not yours' } })).id;
  });
  afterAll(async () => {
    await h?.close();
  });

  const read = (token: string, id = contactId) => h.api(token, 'GET', `/api/contacts/${id}`);
  const timeline = (token: string, id = contactId) => h.api(token, 'GET', `/api/contacts/${id}/timeline`);
  const patch = (token: string, body: unknown, id = contactId) => h.api(token, 'PATCH', `/api/contacts/${id}`, body);

  it('an agent of another team gets 404 on the contact, its timeline and a change, and nothing changes', async () => {
    for (const res of [await read(ada), await timeline(ada), await patch(ada, { tier: 'bronze', tags: [] })]) {
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({ code: 'not_found', message: 'Contact not found' });
      expect(JSON.stringify(res.body)).not.toContain('vic@example.com');
    }
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ tier: 'gold', tags: ['vip'] });
    expect(await h.testDb.db.auditEvent.count({ where: { action: 'contact.update', targetId: contactId } })).toBe(0);
    // Search finds the customer only through a conversation the agent may open.
    expect((await h.api(ada, 'GET', '/api/search?q=vic%40example.com')).body.items).toEqual([]);
    expect((await h.api(bob, 'GET', '/api/search?q=vic%40example.com')).body.items.map((c: { id: string }) => c.id)).toEqual([conversationId]);
  });

  it('the agent who may see its conversation, and a supervisor, read and change it', async () => {
    const bobRead = await read(bob);
    expect(bobRead.status).toBe(200);
    expect(JSON.stringify(bobRead.body)).toContain('vic@example.com');
    expect((await timeline(bob)).body.items.map((m: { text: string }) => m.text)).toEqual(['Please refund order 77']);
    expect((await patch(bob, { tier: 'platinum' })).status).toBe(200);
    expect((await read(sue)).status).toBe(200);
    expect((await timeline(sue)).status).toBe(200);
    expect((await patch(sue, { tags: ['vip', 'refund'] })).status).toBe(200);
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ tier: 'platinum', tags: ['vip', 'refund'] });
  });

  it('an agent sees the contact once one of its conversations is theirs to see', async () => {
    await h.testDb.db.conversation.update({ where: { id: conversationId }, data: { assigneeId: h.workspace.agents[1]!.id } });
    expect((await read(ada)).status).toBe(200);
    expect((await timeline(ada)).status).toBe(200);
    await h.testDb.db.conversation.update({ where: { id: conversationId }, data: { assigneeId: null } });
    expect((await read(ada)).status).toBe(404);
  });

  it('nobody sees another workspace’s contact, a supervisor neither', async () => {
    expect((await read(sue, foreignContactId)).status).toBe(404);
    expect((await timeline(sue, foreignContactId)).status).toBe(404);
    expect((await patch(sue, { name: 'Taken over' }, foreignContactId)).status).toBe(404);
  });
});
