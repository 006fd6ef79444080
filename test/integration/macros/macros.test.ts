// Macros: supervisors and admins save named action lists (shared or personal), refused at save
// when an action is invalid; applying one runs each action through the conversation's own domain
// functions in order (the reply goes out through the normal outbound path), reports what ran, and
// writes one audit entry and one timeline entry. Another workspace's macro does not exist.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('macros API', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  const adaId = () => h.workspace.agents[1]!.id;
  const newConversation = async (subject: string) => h.conversationFor(await h.sendCustomerMail({ from: 'Una Customer <una@example.com>', subject, text: `About ${subject}` }));

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('applies reply, tags, assignee, status and priority in order, with one audit and one timeline entry', async () => {
    const conv = await newConversation('Refund please');
    const saved = await h.api(admin, 'POST', '/api/macros', {
      name: 'Refund sent',
      shared: true,
      actions: [
        { type: 'reply', text: 'Hi {{contact.name}}, your refund is on its way. {{agent.name}}' },
        { type: 'addTags', tags: ['refund', 'billing'] },
        { type: 'assign', assigneeId: adaId() },
        { type: 'setStatus', statusKey: 'pending' },
        { type: 'setPriority', priority: 'high' },
      ],
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'Refund sent', shared: true, owner: null });
    expect((await h.api(ada, 'GET', '/api/macros')).body.items.map((m: any) => m.name)).toContain('Refund sent');

    const applied = await h.api(admin, 'POST', `/api/macros/${saved.body.id}/apply`, { conversationId: conv });
    expect(applied.status).toBe(200);
    expect(applied.body.results).toEqual(['reply', 'addTags', 'assign', 'setStatus', 'setPriority'].map((type, index) => ({ index, type, ok: true })));
    expect(applied.body.conversation).toMatchObject({ tags: ['refund', 'billing'], assignee: { id: adaId() }, statusKey: 'pending', priority: 'high' });

    const mail = await h.sink.waitFor((m) => m.parsed.subject?.includes('Refund please') === true && (m.parsed.text ?? '').includes('your refund is on its way'));
    expect(mail.envelope.to).toEqual(['una@example.com']);
    expect(mail.parsed.text).toContain('Hi Una Customer, your refund is on its way. Alex Admin');
    const reply = await h.testDb.db.message.findFirstOrThrow({ where: { conversationId: conv, direction: 'out' } });
    expect(reply.authorAgentId).toBe(h.workspace.agents[0]!.id);

    const audit = await h.testDb.db.auditEvent.findMany({ where: { action: 'macro.apply', targetId: conv } });
    expect(audit).toHaveLength(1);
    const events = await h.testDb.db.conversationEvent.findMany({ where: { conversationId: conv, kind: 'macro' } });
    expect(events.map((e) => e.data)).toEqual([{ macro: { id: saved.body.id, name: 'Refund sent' }, applied: ['reply', 'addTags', 'assign', 'setStatus', 'setPriority'], failed: [] }]);
    // The actions wrote their own timeline entries, as from the conversation view.
    const kinds = (await h.testDb.db.conversationEvent.findMany({ where: { conversationId: conv }, orderBy: { createdAt: 'asc' } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['tags', 'assignment', 'status', 'priority', 'macro']));
  });

  it("keeps the applier's permissions: an agent's macro step that moves someone else's work is refused, the rest runs", async () => {
    const conv = await newConversation('Move me');
    const m = (await h.api(admin, 'POST', '/api/macros', { name: 'Hand to Bob', shared: true, actions: [{ type: 'assign', assigneeId: h.workspace.agents[2]!.id }, { type: 'removeTags', tags: ['none'] }, { type: 'setPriority', priority: 'urgent' }] })).body;
    const res = await h.api(ada, 'POST', `/api/macros/${m.id}/apply`, { conversationId: conv });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ index: 0, type: 'assign', ok: false, error: { code: 'forbidden' } });
    expect(res.body.results.slice(1)).toEqual([{ index: 1, type: 'removeTags', ok: true }, { index: 2, type: 'setPriority', ok: true }]);
    expect(res.body.conversation).toMatchObject({ assignee: null, priority: 'urgent' });
    const [event] = await h.testDb.db.conversationEvent.findMany({ where: { conversationId: conv, kind: 'macro' } });
    expect(event!.data).toMatchObject({ applied: ['removeTags', 'setPriority'], failed: ['assign'] });
  });

  it('refuses an invalid action at save with the field named, and agents may not write macros', async () => {
    const before = await h.testDb.db.macro.count();
    const post = (body: unknown) => h.api(admin, 'POST', '/api/macros', body);
    const unknownType = await post({ name: 'X', shared: true, actions: [{ type: 'explode' }] });
    expect(unknownType.status).toBe(422);
    expect(unknownType.body.error.message).toContain('actions.0.type');
    const noAgent = await post({ name: 'X', shared: true, actions: [{ type: 'setPriority', priority: 'low' }, { type: 'assign', assigneeId: 'nobody-here' }] });
    expect(noAgent.status).toBe(422);
    expect(noAgent.body.error.message).toBe('actions.1.assigneeId: no agent nobody-here');
    const noStatus = await post({ name: 'X', shared: true, actions: [{ type: 'setStatus', statusKey: 'limbo' }] });
    expect(noStatus.body.error.message).toBe('actions.0.statusKey: no status "limbo"');
    const snooze = await post({ name: 'X', shared: true, actions: [{ type: 'setStatus', statusKey: 'snoozed' }] });
    expect(snooze.status).toBe(422);
    expect(snooze.body.error.message).toContain('a macro cannot snooze');
    const typo = await post({ name: 'X', shared: true, actions: [{ type: 'reply', text: 'Hi {{contact.nmae}}' }] });
    expect(typo.status).toBe(422);
    expect(typo.body.error.message).toContain('unknown placeholder {{contact.nmae}}');
    expect((await post({ name: 'X', shared: true, actions: [] })).status).toBe(422);
    const byAgent = await h.api(ada, 'POST', '/api/macros', { name: 'Mine', shared: false, actions: [{ type: 'setPriority', priority: 'low' }] });
    expect(byAgent.status).toBe(403);
    expect(await h.testDb.db.macro.count()).toBe(before);
  });

  it('shows a personal macro to its owner only; edits and deletes are audited', async () => {
    const m = (await h.api(admin, 'POST', '/api/macros', { name: 'My own', shared: false, actions: [{ type: 'setPriority', priority: 'low' }] })).body;
    expect(m).toMatchObject({ shared: false, owner: { name: 'Alex Admin' } });
    expect((await h.api(ada, 'GET', '/api/macros')).body.items.map((x: any) => x.id)).not.toContain(m.id);
    const conv = await newConversation('Personal');
    expect((await h.api(ada, 'POST', `/api/macros/${m.id}/apply`, { conversationId: conv })).status).toBe(404);
    const edited = await h.api(admin, 'PATCH', `/api/macros/${m.id}`, { name: 'Low priority', shared: true });
    expect(edited.body).toMatchObject({ name: 'Low priority', shared: true });
    expect((await h.api(admin, 'PATCH', `/api/macros/${m.id}`, { actions: [{ type: 'assign', teamId: 'no-team' }] })).body.error.message).toBe('actions.0.teamId: no team no-team');
    expect((await h.api(admin, 'DELETE', `/api/macros/${m.id}`)).status).toBe(204);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: m.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['macro.create', 'macro.update', 'macro.delete']);
  });

  it("treats another workspace's macro as not found, either way round", async () => {
    const tag = randomBytes(4).toString('hex');
    const w2 = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, {
      name: 'Globex',
      slug: `globex-${tag}`,
      agents: [{ email: `admin-${tag}@globex.test`, name: 'Gloria Admin', role: 'admin', password: PASSWORD }],
      channels: [{ kind: 'email', name: 'Globex help', address: `help-${tag}@globex.test`, settings: {} }],
    });
    const gloria = await h.login(w2.agents[0]!.email);
    const theirs = (await h.api(gloria, 'POST', '/api/macros', { name: 'Globex macro', shared: true, actions: [{ type: 'setPriority', priority: 'urgent' }] })).body;
    const ours = (await h.api(admin, 'POST', '/api/macros', { name: 'Acme macro', shared: true, actions: [{ type: 'setPriority', priority: 'urgent' }] })).body;
    const conv = await newConversation('Isolation');
    const crossApply = await h.api(admin, 'POST', `/api/macros/${theirs.id}/apply`, { conversationId: conv });
    expect(crossApply.status).toBe(404);
    expect(crossApply.body.error.code).toBe('not_found');
    expect((await h.api(gloria, 'POST', `/api/macros/${ours.id}/apply`, { conversationId: conv })).status).toBe(404);
    expect((await h.api(gloria, 'PATCH', `/api/macros/${ours.id}`, { name: 'Taken' })).status).toBe(404);
    expect((await h.api(gloria, 'GET', '/api/macros')).body.items.map((x: any) => x.name)).toEqual(['Globex macro']);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv } })).priority).toBe('normal');
    // A shared macro naming an agent of another workspace is refused at save.
    const cross = await h.api(admin, 'POST', '/api/macros', { name: 'To Gloria', shared: true, actions: [{ type: 'assign', assigneeId: w2.agents[0]!.id }] });
    expect(cross.status).toBe(422);
  });
});
