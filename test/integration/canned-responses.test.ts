// Canned responses: every agent reads them; supervisors and admins write them; shortcuts are
// unique per workspace; every change is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';

describe('canned responses API', () => {
  let h: Harness;
  let admin: string;
  let ada: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lets an admin create, edit and delete one, audited, and every agent read them', async () => {
    const created = await h.api(admin, 'POST', '/api/canned-responses', { shortcut: '/Thanks', title: 'Thank you', body: 'Thanks {{contact.name}}, {{agent.name}}' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ shortcut: 'thanks', title: 'Thank you', body: 'Thanks {{contact.name}}, {{agent.name}}' });
    await h.api(admin, 'POST', '/api/canned-responses', { shortcut: 'address', title: 'Ask for the address', body: 'Which address?' });

    const list = await h.api(ada, 'GET', '/api/canned-responses');
    expect(list.status).toBe(200);
    expect((list.body.items as { shortcut: string }[]).map((c) => c.shortcut)).toEqual(['address', 'thanks']);

    const edited = await h.api(admin, 'PATCH', `/api/canned-responses/${created.body.id}`, { title: 'Thanks!' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ shortcut: 'thanks', title: 'Thanks!' });

    expect((await h.api(admin, 'DELETE', `/api/canned-responses/${created.body.id}`)).status).toBe(204);
    expect(((await h.api(ada, 'GET', '/api/canned-responses')).body.items as unknown[]).length).toBe(1);
    expect((await h.api(admin, 'DELETE', `/api/canned-responses/${created.body.id}`)).status).toBe(404);

    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: created.body.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['canned_response.create', 'canned_response.update', 'canned_response.delete']);
  });

  it('refuses writes from agents', async () => {
    const res = await h.api(ada, 'POST', '/api/canned-responses', { shortcut: 'x', title: 'X', body: 'x' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
    const [one] = (await h.api(ada, 'GET', '/api/canned-responses')).body.items as { id: string }[];
    expect((await h.api(ada, 'PATCH', `/api/canned-responses/${one!.id}`, { body: 'changed' })).status).toBe(403);
    expect((await h.api(ada, 'DELETE', `/api/canned-responses/${one!.id}`)).status).toBe(403);
  });

  it('names a duplicate shortcut and invalid fields', async () => {
    await h.api(admin, 'POST', '/api/canned-responses', { shortcut: 'dup', title: 'One', body: 'one' });
    const dup = await h.api(admin, 'POST', '/api/canned-responses', { shortcut: 'DUP', title: 'Two', body: 'two' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({ code: 'conflict', message: 'A canned response with the shortcut /dup exists already' });
    const bad = await h.api(admin, 'POST', '/api/canned-responses', { shortcut: 'has space', title: '', body: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toContain('shortcut');
    const empty = await h.api(admin, 'PATCH', `/api/canned-responses/does-not-matter`, {});
    expect(empty.status).toBe(422);
  });
});
