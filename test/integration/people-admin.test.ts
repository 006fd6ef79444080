// Admin → People and Teams over the API: invites and their checks, changing a person's role,
// teams and routing profile, the last admin, teams with leads and archiving, one's own name and
// password, password resets, reactivation, revoking an invite, and the rate limit on logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateBreach } from '../../src/domain/sla/escalate-breach.ts';
import { createWorkspace } from '../../src/seed/create-workspace.ts';
import { PASSWORD, startHarness, type Harness } from '../support/harness.ts';
import { testPasswords } from '../support/passwords.ts';

describe('people and teams', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let adminId: string;
  let adaId: string;
  let bobId: string;
  let supportId: string;
  let otherTeamId: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    [adminId, adaId, bobId] = h.workspace.agents.map((a) => a.id) as [string, string, string];
    supportId = h.workspace.teams.get('Support')!;
    const other = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, { name: 'Other', slug: `other-${adaId}`, teams: ['Theirs'], agents: [], channels: [] });
    otherTeamId = other.teams.get('Theirs')!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

  it('invites only as an admin, with the workspace’s own teams, and one login per email', async () => {
    expect((await h.api(ada, 'GET', '/api/people')).status).toBe(403);
    expect((await h.api(ada, 'POST', '/api/people/invites', { email: 'x@acme.test', name: 'X' })).status).toBe(403);
    const foreign = await h.api(admin, 'POST', '/api/people/invites', { email: 'x@acme.test', name: 'X', teamIds: [supportId, otherTeamId] });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toBe(`teamIds.1: no team ${otherTeamId}`);
    const bad = await h.api(admin, 'POST', '/api/people/invites', { email: 'not an email', name: 'X' });
    expect(bad.status).toBe(422);
    expect(bad.body.error.message).toMatch(/^email: /);
    const taken = await h.api(admin, 'POST', '/api/people/invites', { email: h.workspace.agents[1]!.email.toUpperCase(), name: 'Ada again' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toBe(`email: ${h.workspace.agents[1]!.email} already has a Parley login`);
  });

  it('changes role, teams, skills, capacity and languages, audited, and reconnects the person’s socket', async () => {
    const socket = await h.socket(ada);
    const closed = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const res = await h.api(admin, 'PATCH', `/api/people/${adaId}`, {
      role: 'supervisor',
      teamIds: [supportId, h.workspace.teams.get('Billing')!],
      skills: [{ skill: 'billing', level: 4 }, { skill: 'german', level: 2 }],
      capacity: 60,
      languages: ['en', 'DE-ch'],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'supervisor', capacity: 60, languages: ['en', 'de-ch'], skills: [{ skill: 'billing', level: 4 }, { skill: 'german', level: 2 }], state: 'active' });
    expect(res.body.teamIds.sort()).toEqual([supportId, h.workspace.teams.get('Billing')!].sort());
    await closed;
    const audit = await h.testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'agent.update', targetId: adaId } });
    expect(audit.data).toMatchObject({ changes: { role: { from: 'agent', to: 'supervisor' }, capacity: { from: 100, to: 60 } } });

    expect((await h.api(admin, 'PATCH', `/api/people/${adaId}`, { teamIds: [otherTeamId] })).body.error.message).toBe(`teamIds.0: no team ${otherTeamId}`);
    expect((await h.api(admin, 'PATCH', `/api/people/${adaId}`, {})).status).toBe(422);
    expect((await h.api(admin, 'PATCH', `/api/people/${adaId}`, { role: 'agent' })).status).toBe(200);
  });

  it('keeps the last admin: they cannot be demoted or deactivate themselves', async () => {
    const demote = await h.api(admin, 'PATCH', `/api/people/${adminId}`, { role: 'agent' });
    expect(demote.status).toBe(409);
    expect(demote.body.error.message).toMatch(/only admin/);
    expect((await h.api(admin, 'POST', `/api/people/${adminId}/deactivate`)).status).toBe(409);
  });

  it('creates, renames and archives teams with members and a lead of the workspace', async () => {
    const foreignLead = await h.api(admin, 'POST', '/api/teams', { name: 'VIP', leadAgentId: 'nobody' });
    expect(foreignLead.status).toBe(422);
    expect(foreignLead.body.error.message).toBe('leadAgentId: no agent nobody');
    const created = await h.api(admin, 'POST', '/api/teams', { name: 'VIP', leadAgentId: bobId, memberIds: [bobId] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'VIP', leadAgentId: bobId, memberIds: [bobId], archivedAt: null });
    expect((await h.api(admin, 'POST', '/api/teams', { name: 'VIP' })).status).toBe(409);
    expect((await h.api(ada, 'POST', '/api/teams', { name: 'Mine' })).status).toBe(403);

    const vip = created.body.id as string;
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'v@example.com', subject: 'VIP', text: 'hi' }));
    expect((await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { teamId: vip })).status).toBe(200);
    const renamed = await h.api(admin, 'PATCH', `/api/teams/${vip}`, { name: 'Premium', memberIds: [bobId, adaId] });
    expect(renamed.body).toMatchObject({ name: 'Premium', memberIds: expect.arrayContaining([bobId, adaId]) });
    const archived = await h.api(admin, 'PATCH', `/api/teams/${vip}`, { archived: true });
    expect(archived.body.archivedAt).toEqual(expect.any(String));

    const pickers = await h.api(ada, 'GET', '/api/teams');
    expect(pickers.body.items.map((t: { name: string }) => t.name)).not.toContain('Premium');
    const all = await h.api(admin, 'GET', '/api/teams?archived=include');
    expect(all.body.items.map((t: { name: string }) => t.name)).toContain('Premium');
    expect((await h.api(admin, 'GET', `/api/conversations/${conversationId}`)).body.team).toEqual({ id: vip, name: 'Premium' });
    // Nobody joins an archived team, and no other workspace's team is ever found.
    expect((await h.api(admin, 'PATCH', `/api/people/${bobId}`, { teamIds: [supportId] })).status).toBe(200);
    expect((await h.api(admin, 'PATCH', `/api/people/${bobId}`, { teamIds: [supportId, vip] })).status).toBe(422);
    expect((await h.api(admin, 'PATCH', `/api/teams/${otherTeamId}`, { name: 'Stolen' })).status).toBe(404);
  });

  it('changes one’s own name, and one’s password with the current one, ending one’s other sessions', async () => {
    const bobEmail = h.workspace.agents[2]!.email;
    const here = await h.login(bobEmail);
    const elsewhere = await h.login(bobEmail);
    expect((await h.api(here, 'PATCH', '/api/me', { name: 'Robert Agent' })).body).toMatchObject({ name: 'Robert Agent' });
    const wrong = await h.api(here, 'POST', '/api/me/password', { currentPassword: 'guess', newPassword: 'bob new password' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toBe('currentPassword: is not your current password');
    expect((await h.api(here, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'short' })).status).toBe(422);
    const changed = await h.api(here, 'POST', '/api/me/password', { currentPassword: PASSWORD, newPassword: 'bob new password' });
    expect(changed.body).toEqual({ sessionsEnded: 1 });
    expect((await h.api(here, 'GET', '/api/me')).status).toBe(200);
    expect((await h.api(elsewhere, 'GET', '/api/me')).status).toBe(401);
    await expect(h.login(bobEmail)).rejects.toThrow(/401/);
    expect(await h.login(bobEmail, 'bob new password')).toEqual(expect.any(String));
    expect(await h.testDb.db.auditEvent.count({ where: { action: { in: ['agent.password_change', 'agent.profile'] }, targetId: bobId } })).toBe(2);
  });

  it('resets a password with an invite-style link that ends every session once used', async () => {
    const bobEmail = h.workspace.agents[2]!.email;
    const before = await h.login(bobEmail, 'bob new password');
    const res = await h.api(admin, 'POST', `/api/people/${bobId}/password-reset`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ purpose: 'password_reset', emailedTo: bobEmail, emailError: null });
    expect(res.body.url).toMatch(/\/reset-password\//);
    await h.sink.waitFor((m) => m.envelope.to.includes(bobEmail) && m.parsed.text!.includes(res.body.url));
    // Until the link is used the old password still works.
    expect(await h.login(bobEmail, 'bob new password')).toEqual(expect.any(String));
    const token = tokenOf(res.body.url);
    expect((await h.api('', 'GET', `/api/account-links/${token}`)).body).toMatchObject({ purpose: 'password_reset', email: bobEmail });
    const used = await h.api('', 'POST', `/api/account-links/${token}/accept`, { password: 'bob third password' });
    expect(used.status).toBe(200);
    expect((await h.api(before, 'GET', '/api/me')).status).toBe(401);
    expect((await h.api(used.body.token, 'GET', '/api/me')).status).toBe(200);
    await expect(h.login(bobEmail, 'bob new password')).rejects.toThrow(/401/);
    expect((await h.api(admin, 'POST', `/api/people/${bobId}/invite`)).status).toBe(409);
  });

  it('deactivates and reactivates; revokes an invitation nobody accepted', async () => {
    expect((await h.api(admin, 'POST', `/api/people/${bobId}/deactivate`)).body.state).toBe('deactivated');
    await expect(h.login(h.workspace.agents[2]!.email, 'bob third password')).rejects.toThrow(/401/);
    expect((await h.api(admin, 'POST', `/api/people/${bobId}/password-reset`)).status).toBe(409);
    expect((await h.api(admin, 'POST', `/api/people/${bobId}/reactivate`)).body.state).toBe('active');
    expect(await h.login(h.workspace.agents[2]!.email, 'bob third password')).toEqual(expect.any(String));

    const invited = await h.api(admin, 'POST', '/api/people/invites', { email: 'typo@acme.tset', name: 'Typo' });
    const again = await h.api(admin, 'POST', `/api/people/${invited.body.person.id}/invite`);
    expect(again.status).toBe(200);
    // Only the latest link works.
    expect((await h.api('', 'GET', `/api/account-links/${tokenOf(invited.body.link.url)}`)).status).toBe(404);
    expect((await h.api(admin, 'POST', `/api/people/${invited.body.person.id}/deactivate`)).status).toBe(409);
    expect((await h.api(admin, 'DELETE', `/api/people/${invited.body.person.id}`)).status).toBe(204);
    expect((await h.api('', 'GET', `/api/account-links/${tokenOf(again.body.url)}`)).status).toBe(404);
    expect((await h.api(admin, 'DELETE', `/api/people/${adaId}`)).status).toBe(409);
    expect(await h.testDb.db.auditEvent.count({ where: { action: { in: ['agent.deactivate', 'agent.reactivate', 'agent.invite.resend', 'agent.invite.revoke'] } } })).toBe(4);
  });

  it('sends a team’s SLA escalations to its lead while the lead is active, else to supervisors', async () => {
    const lee = await h.api(admin, 'POST', '/api/people/invites', { email: 'lee@acme.test', name: 'Lee Lead' });
    await h.api('', 'POST', `/api/account-links/${tokenOf(lee.body.link.url)}/accept`, { password: 'lee leads the team' });
    const leeId = lee.body.person.id as string;
    const leadTeam = await h.api(admin, 'POST', '/api/teams', { name: 'Led', leadAgentId: leeId, memberIds: [leeId] });
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from: 'late@example.com', subject: 'Too slow', text: 'hello?' }));
    await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { teamId: leadTeam.body.id });
    const db = h.testDb.db;
    const workspaceId = h.workspace.workspace.id;
    const policy = await db.slaPolicy.create({ data: { workspaceId, name: 'Escalation test', targets: {} } });
    const breach = async (key: 'first_response' | 'resolution') => {
      const now = new Date();
      const clock = await db.slaClock.create({ data: { workspaceId, conversationId, policyId: policy.id, metric: key, key, targetMs: 1000, startedAt: now, status: 'breached' } });
      return db.slaBreach.create({ data: { workspaceId, conversationId, clockId: clock.id, metric: key, dueAt: now, breachedAt: now } });
    };
    const notified = async () => (await db.notification.findMany({ where: { kind: 'sla.breach', conversationId } })).map((n) => n.agentId);

    const first = await breach('first_response');
    expect(await escalateBreach(h.rt.deps, { breachId: first.id, conversationId, escalation: undefined })).toEqual(['notified team lead']);
    // The lead (and whoever has it) hear of it, not every supervisor.
    expect(await notified()).toContain(leeId);
    expect(await notified()).not.toContain(adminId);

    await h.api(admin, 'POST', `/api/people/${leeId}/deactivate`);
    const second = await breach('resolution');
    expect(await escalateBreach(h.rt.deps, { breachId: second.id, conversationId, escalation: undefined })).toEqual(['notified supervisors']);
    expect(await notified()).toContain(adminId);
    expect((await notified()).filter((id) => id === leeId)).toHaveLength(1);
  });

  it('limits login attempts per address and email, with Retry-After', async () => {
    const email = h.workspace.agents[1]!.email;
    const attempt = () => fetch(`${h.apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'wrong' }) });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('rate_limited');
    // Another account from the same address is not held up.
    expect(await h.login(h.workspace.agents[2]!.email, 'bob third password')).toEqual(expect.any(String));
  });
});
