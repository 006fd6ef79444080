// The agent REST API and realtime gateway: authentication, validation, visibility by role and
// team, assignment rules, notes, status changes, pagination and the contact timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('agent API', () => {
  let h: Harness;
  let admin: string;
  let ada: string; // agent, team Support
  let bob: string; // agent, team Billing
  let adaId: string;
  let bobId: string;
  let supportTeam: string;

  beforeAll(async () => {
    h = await startHarness();
    const [a, b, c] = h.workspace.agents;
    admin = await h.login(a!.email);
    ada = await h.login(b!.email);
    bob = await h.login(c!.email);
    adaId = b!.id;
    bobId = c!.id;
    supportTeam = h.workspace.teams.get('Support')!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const newConversation = async (from: string, subject: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text: `About ${subject}` }));

  it('refuses requests without a valid session with a JSON error', async () => {
    const res = await fetch(`${h.apiUrl}/api/conversations`);
    expect(res.status).toBe(401);
    expect((await res.json()) as unknown).toEqual({ error: { code: 'unauthenticated', message: 'Log in first' } });
    const bad = await h.api('not-a-token', 'GET', '/api/conversations');
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('unauthenticated');
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const res = await fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.workspace.agents[0]!.email, password: 'nope' }) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.message).toBe('Email or password is incorrect');
  });

  it('logs in with a cookie that authenticates later requests, and logs out', async () => {
    const res = await fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: h.workspace.agents[1]!.email, password: 'correct horse battery' }) });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/parley_session=[^;]+;.*HttpOnly/i);
    const me = await fetch(`${h.apiUrl}/api/me`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(((await me.json()) as any).name).toBe('Ada Agent');
    await fetch(`${h.apiUrl}/api/auth/logout`, { method: 'POST', headers: { cookie: cookie.split(';')[0]! } });
    expect((await fetch(`${h.apiUrl}/api/me`, { headers: { cookie: cookie.split(';')[0]! } })).status).toBe(401);
  });

  it('names the invalid field, rejects malformed JSON and unknown ids clearly', async () => {
    const conv = await newConversation('val@example.com', 'Validation');
    const empty = await h.api(admin, 'POST', `/api/conversations/${conv}/messages`, { text: '   ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({ code: 'validation_failed', message: 'text: must not be empty' });
    const badStatus = await h.api(admin, 'GET', '/api/conversations?status=closed');
    expect(badStatus.status).toBe(422);
    expect(badStatus.body.error.message).toContain('status');
    const malformed = await fetch(`${h.apiUrl}/api/conversations/${conv}/notes`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{"text": ' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as any).error.code).toBe('bad_request');
    const missing = await h.api(admin, 'GET', '/api/conversations/does-not-exist');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const snooze = await h.api(admin, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed' });
    expect(snooze.status).toBe(422);
    expect(snooze.body.error.message).toContain('snoozedUntil');
  });

  it('shows agents only their teams\', unteamed and their own conversations; supervisors see all', async () => {
    const conv = await newConversation('team@example.com', 'Team scoped');
    expect((await h.api(bob, 'GET', `/api/conversations/${conv}`)).status).toBe(200); // unteamed: everyone
    const moved = await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { teamId: supportTeam });
    expect(moved.status).toBe(200);
    expect(moved.body.team.name).toBe('Support');
    expect((await h.api(bob, 'GET', `/api/conversations/${conv}`)).status).toBe(404);
    expect((await h.api(ada, 'GET', `/api/conversations/${conv}`)).status).toBe(200);
    const bobList = await h.api(bob, 'GET', '/api/conversations?limit=100');
    expect((bobList.body.items as any[]).some((c) => c.id === conv)).toBe(false);
    // Assigned to Bob directly, he sees it although it is Support's.
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: bobId });
    expect((await h.api(bob, 'GET', `/api/conversations/${conv}`)).status).toBe(200);
  });

  it('lets an agent take an unassigned conversation and hand it back, but not move someone else\'s; every move is audited', async () => {
    const conv = await newConversation('assign@example.com', 'Assignment');
    const take = await h.api(ada, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: adaId });
    expect(take.status).toBe(200);
    expect(take.body.assignee.id).toBe(adaId);
    const steal = await h.api(bob, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: bobId });
    expect(steal.status).toBe(403);
    expect(steal.body.error.code).toBe('forbidden');
    const mine = await h.api(ada, 'GET', '/api/conversations?assignee=me');
    expect((mine.body.items as any[]).map((c) => c.id)).toContain(conv);
    expect((await h.api(ada, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: null })).status).toBe(200);
    const transfer = await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: bobId });
    expect(transfer.body.assignee.id).toBe(bobId);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: conv, action: 'conversation.assign' }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => (a.data as any).toAssigneeId)).toEqual([adaId, null, bobId]);
  });

  it('tells the old and the new assignee about a transfer over socket.io, and not an agent of another team', async () => {
    const conv = await newConversation('live@example.com', 'Live transfer');
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { teamId: supportTeam, assigneeId: adaId });
    const adaSocket = await h.socket(ada);
    const bobSocket = await h.socket(bob);
    const adaEvents: any[] = [];
    const bobEvents: any[] = [];
    adaSocket.on('conversation.assigned', (e) => adaEvents.push(e));
    bobSocket.on('conversation.assigned', (e) => bobEvents.push(e));
    bobSocket.on('message.created', (e) => bobEvents.push(e));
    await h.api(admin, 'POST', `/api/conversations/${conv}/notes`, { text: 'internal only' });
    await h.api(admin, 'POST', `/api/conversations/${conv}/assign`, { assigneeId: bobId });
    await waitUntil(async () => adaEvents.find((e) => e.id === conv), 'old assignee told');
    await waitUntil(async () => bobEvents.find((e) => e.id === conv && e.assignee?.id === bobId), 'new assignee told');
    // Bob heard nothing of the note written before the conversation was his.
    expect(bobEvents.filter((e) => e.conversationId === conv)).toHaveLength(0);
  });

  it('sends files with an email reply; refuses files over the channel limit with 413 and stores nothing', async () => {
    const conv = await newConversation('files@example.com', 'Send me the manual');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 7)]); // over the 2 MB other requests get
    const reply = await h.api(admin, 'POST', `/api/conversations/${conv}/messages`, {
      text: 'The manual is attached.',
      attachments: [{ filename: 'manual.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
    });
    expect(reply.status).toBe(202);
    expect(reply.body.attachments).toMatchObject([{ filename: 'manual.pdf', contentType: 'application/pdf', size: pdf.length }]);
    const mail = await h.sink.waitFor((m) => m.parsed.subject === 'Re: Send me the manual');
    expect(mail.parsed.attachments.map((a) => [a.filename, a.content.equals(pdf)])).toEqual([['manual.pdf', true]]);

    const channels = await h.api(admin, 'GET', '/api/channels');
    const limit: number = channels.body.items.find((c: { kind: string }) => c.kind === 'email').maxReplyFileBytes;
    expect(limit).toBe(20 * 1024 * 1024);
    const before = await h.testDb.db.message.count({ where: { conversationId: conv } });
    const big = await h.api(admin, 'POST', `/api/conversations/${conv}/messages`, {
      text: 'Two big files',
      attachments: ['a.bin', 'b.bin'].map((filename) => ({ filename, contentType: 'application/octet-stream', contentBase64: Buffer.alloc(11 * 1024 * 1024).toString('base64') })),
    });
    expect(big.status).toBe(413);
    expect(big.body.error).toEqual({ code: 'payload_too_large', message: 'The files come to 22 MB; email replies carry at most 20 MB' });
    expect(await h.testDb.db.message.count({ where: { conversationId: conv } })).toBe(before);
    expect(await h.testDb.db.attachment.count({ where: { filename: { in: ['a.bin', 'b.bin'] } } })).toBe(0);
    // Other requests keep the small limit.
    const note = await h.api(admin, 'POST', `/api/conversations/${conv}/notes`, { text: 'x'.repeat(3 * 1024 * 1024) });
    expect(note.status).toBe(413);
  });

  it('keeps notes private: recorded in the timeline, never sent', async () => {
    const conv = await newConversation('note@example.com', 'Notes');
    const note = await h.api(ada, 'POST', `/api/conversations/${conv}/notes`, { text: 'Customer called too' });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: 'note', deliveryStatus: null, author: { type: 'agent', name: 'Ada Agent' } });
    // The system had its chance to send the note: a reply written after it reaches the mailbox and
    // the deliver queue is empty, so every send queued until then has happened. Only the reply did.
    const reply = await h.api(ada, 'POST', `/api/conversations/${conv}/messages`, { text: 'A reply after the note' });
    expect(reply.status).toBe(202);
    await h.sink.waitFor((m) => m.parsed.text?.includes('A reply after the note') ?? false);
    await h.queuesDrained(['deliver']);
    const toCustomer = h.sink.messages.filter((m) => m.envelope.to.includes('note@example.com'));
    expect(toCustomer.map((m) => m.parsed.subject)).toEqual(['Re: Notes']);
    expect(h.sink.messages.some((m) => m.parsed.text?.includes('Customer called too'))).toBe(false);
  });

  it('filters by status and pages with a stable cursor', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push(await newConversation(`page${i}@example.com`, `Page ${i}`));
    await h.api(admin, 'POST', `/api/conversations/${ids[0]}/status`, { status: 'pending' });
    const pending = await h.api(admin, 'GET', '/api/conversations?status=pending');
    expect((pending.body.items as any[]).map((c) => c.id)).toEqual([ids[0]]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { id: string }[]; nextCursor: string | null } } = await h.api(admin, 'GET', `/api/conversations?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of ids) expect(seen).toContain(id);
    expect((await h.api(admin, 'GET', '/api/conversations?cursor=garbage')).status).toBe(422);
  });

  it('shows a contact\'s identities and history across conversations', async () => {
    const a = await newConversation('Lea <lea@example.com>', 'First problem');
    const b = await newConversation('lea@example.com', 'Second problem');
    const conv = await h.api(admin, 'GET', `/api/conversations/${a}`);
    const contact = await h.api(admin, 'GET', `/api/contacts/${conv.body.contact.id}`);
    expect(contact.status).toBe(200);
    expect(contact.body.name).toBe('Lea');
    expect(contact.body.identities).toEqual([expect.objectContaining({ channelKind: 'email', address: 'lea@example.com' })]);
    expect((contact.body.conversations as any[]).map((c) => c.id).sort()).toEqual([a, b].sort());
    expect((contact.body.timeline as any[]).map((m) => m.text)).toEqual(['About First problem', 'About Second problem']);
  });

  it('resolving records when; snoozing needs a future time', async () => {
    const conv = await newConversation('status@example.com', 'Status');
    const resolved = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'resolved' });
    expect(resolved.body.status).toBe('resolved');
    expect(resolved.body.resolvedAt).not.toBeNull();
    const past = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed', snoozedUntil: '2001-01-01T00:00:00Z' });
    expect(past.status).toBe(422);
    const until = new Date(Date.now() + 3600_000).toISOString();
    const snoozed = await h.api(ada, 'POST', `/api/conversations/${conv}/status`, { status: 'snoozed', snoozedUntil: until });
    expect(snoozed.body).toMatchObject({ status: 'snoozed', snoozedUntil: until, resolvedAt: null });
  });
});
