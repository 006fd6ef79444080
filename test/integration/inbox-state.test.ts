// What the inbox keeps per agent and per conversation: unread markers, priority and tags, the
// contact's editable profile, and @mentions in notes that notify the named agent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('inbox state API', () => {
  let h: Harness;
  let admin: string;
  let ada: string; // agent, Support
  let bob: string; // agent, Billing
  // Parley's clock: unread markers compare the customer's last message with the agent's read time.
  const clock = fixedClock(new Date('2026-05-04T09:00:00Z'));

  beforeAll(async () => {
    h = await startHarness({ clock });
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newConversation = async (from: string, subject: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text: `About ${subject}` }));
  const listItem = async (token: string, id: string) => ((await h.api(token, 'GET', '/api/conversations?limit=100')).body.items as any[]).find((c) => c.id === id);

  it('marks a conversation unread per agent until they read it, and again when the customer writes', async () => {
    const conv = await newConversation('Una <una@example.com>', 'Unread please');
    expect((await listItem(ada, conv)).unread).toBe(true);
    const read = await h.api(ada, 'POST', `/api/conversations/${conv}/read`);
    expect(read.status).toBe(200);
    expect(read.body.conversationId).toBe(conv);
    expect((await listItem(ada, conv)).unread).toBe(false);
    expect((await listItem(admin, conv)).unread).toBe(true); // someone else's marker is their own

    clock.advance(60_000); // the customer writes a minute after Ada read it
    await h.sendCustomerMail({ from: 'una@example.com', subject: 'Re: Unread please', text: 'Any news?' });
    await waitUntil(async () => (await listItem(ada, conv))?.messageCount === 2, 'the follow-up');
    expect((await listItem(ada, conv)).unread).toBe(true);
    expect((await h.api(bob, 'POST', '/api/conversations/does-not-exist/read')).status).toBe(404);
  });

  it('changes priority and tags, audited and published', async () => {
    const conv = await newConversation('pat@example.com', 'Patch me');
    const socket = await h.socket(admin);
    const updates: any[] = [];
    socket.on('conversation.updated', (c) => updates.push(c));
    const res = await h.api(ada, 'PATCH', `/api/conversations/${conv}`, { priority: 'urgent', tags: ['refund', ' vip ', 'refund'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: conv, priority: 'urgent', tags: ['refund', 'vip'] });
    await waitUntil(async () => updates.find((u) => u.id === conv && u.priority === 'urgent'), 'conversation.updated');
    const audit = await h.testDb.db.auditEvent.findFirst({ where: { targetId: conv, action: 'conversation.update' } });
    expect(audit?.data).toMatchObject({ fromPriority: 'normal', toPriority: 'urgent', fromTags: [], toTags: ['refund', 'vip'] });

    expect((await h.api(ada, 'PATCH', `/api/conversations/${conv}`, {})).status).toBe(422);
    const bad = await h.api(ada, 'PATCH', `/api/conversations/${conv}`, { priority: 'asap' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('priority');
    expect((await h.api(ada, 'PATCH', `/api/conversations/${conv}`, { status: 'resolved' })).status).toBe(422);
  });

  it('edits a contact: name, stage, tier, tags and attributes, audited, and shown on its conversations', async () => {
    const conv = await newConversation('carl@example.com', 'Contact edit');
    const contactId = (await h.api(ada, 'GET', `/api/conversations/${conv}`)).body.contact.id;
    await h.testDb.db.attributeDefinition.createMany({ data: [{ workspaceId: h.workspace.workspace.id, key: 'plan', label: 'Plan', type: 'text' }, { workspaceId: h.workspace.workspace.id, key: 'seats', label: 'Seats', type: 'number' }] });
    const res = await h.api(ada, 'PATCH', `/api/contacts/${contactId}`, {
      name: 'Carl Customer',
      lifecycleStage: 'purchase',
      tier: 'gold',
      tags: ['beta'],
      attributes: { plan: 'Pro', seats: 12 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: contactId, name: 'Carl Customer', lifecycleStage: 'purchase', tier: 'gold', tags: ['beta'], attributes: { plan: 'Pro', seats: 12 } });
    const again = await h.api(bob, 'GET', `/api/contacts/${contactId}`);
    expect(again.body).toMatchObject({ name: 'Carl Customer', tier: 'gold', lifecycleStage: 'purchase' });
    expect((await listItem(ada, conv)).contact.name).toBe('Carl Customer');

    const cleared = await h.api(ada, 'PATCH', `/api/contacts/${contactId}`, { tier: '', attributes: { plan: 'Pro' } });
    expect(cleared.body).toMatchObject({ tier: null, attributes: { plan: 'Pro' } });
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: contactId, action: 'contact.update' }, orderBy: { createdAt: 'asc' } });
    expect(audit).toHaveLength(2);
    expect(audit[0]!.data).toMatchObject({ from: { name: null, tier: null }, to: { name: 'Carl Customer', tier: 'gold' } });

    expect((await h.api(ada, 'PATCH', `/api/contacts/${contactId}`, { attributes: { nested: { a: 1 } } })).status).toBe(422);
    expect((await h.api(ada, 'PATCH', `/api/contacts/${contactId}`, { email: 'x@example.com' })).status).toBe(422);
    expect((await h.api(ada, 'PATCH', '/api/contacts/nope', { name: 'X' })).status).toBe(404);
  });

  it('notifies agents @mentioned in a note who may see the conversation', async () => {
    const conv = await newConversation('mention@example.com', 'Mentions');
    const bobSocket = await h.socket(bob);
    const adaSocket = await h.socket(ada);
    const bobHeard: any[] = [];
    const adaHeard: any[] = [];
    bobSocket.on('notification.created', (n) => bobHeard.push(n));
    adaSocket.on('notification.created', (n) => adaHeard.push(n));

    const note = await h.api(ada, 'POST', `/api/conversations/${conv}/notes`, { text: '@Bob Agent can you check the invoice? cc @alex admin, and @Nobody' });
    expect(note.status).toBe(201);
    expect(note.body.text).toContain('@Bob Agent');
    const heard = await waitUntil(async () => bobHeard.find((n) => n.conversationId === conv), 'notification.created for Bob');
    expect(heard).toMatchObject({ kind: 'mention', data: { noteId: note.body.id, by: { id: h.workspace.agents[1]!.id, name: 'Ada Agent' } } });
    const rows = await h.testDb.db.notification.findMany({ where: { conversationId: conv }, orderBy: { agentId: 'asc' } });
    expect(rows.map((r) => r.agentId).sort()).toEqual([h.workspace.agents[0]!.id, h.workspace.agents[2]!.id].sort());
    expect(adaHeard).toEqual([]); // the author is not notified of their own note

    // Once the conversation belongs to Support, Bob (Billing) may not see it and is not told.
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { teamId: h.workspace.teams.get('Support'), assigneeId: h.workspace.agents[1]!.id });
    // Mentions are written before the note's response; Alex (a supervisor) being told of this note
    // shows its mentions were handled, so Bob not being told is a decision, not a delay.
    const again = await h.api(ada, 'POST', `/api/conversations/${conv}/notes`, { text: 'Again @Bob Agent, and @Alex Admin' });
    expect(again.status).toBe(201);
    expect(await h.testDb.db.notification.count({ where: { conversationId: conv, agentId: h.workspace.agents[0]!.id, data: { path: ['noteId'], equals: again.body.id } } })).toBe(1);
    expect(await h.testDb.db.notification.count({ where: { conversationId: conv, agentId: h.workspace.agents[2]!.id } })).toBe(1);
  });
});
