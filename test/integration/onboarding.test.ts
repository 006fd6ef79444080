// A real team from zero: an empty database with SEED_DEMO=false, the first admin from the command
// line (password on stdin), then only the HTTP API: an email channel and a team, an invite that
// arrives by email, accepted with a password; the new agent logs in, gets a routed customer email
// live, answers it, and is deactivated: their socket closes, their session ends, the conversation
// reaches the other agent online, and their reply stays theirs.
import type { Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmptyHarness, type EmptyHarness } from '../support/harness.ts';
import { parleyWith } from '../support/parley-cli.ts';
import { waitUntil } from '../support/wait.ts';

const INBOX = 'help@newco.test';
const ADMIN = { email: 'founder@newco.test', name: 'Fran Founder', password: 'first admin password' };

describe('onboarding a team from an empty database', () => {
  let h: EmptyHarness;
  let admin: string;
  let teamId: string;
  let dana: { id: string; token: string; socket: Socket };

  beforeAll(async () => {
    h = await startEmptyHarness({ env: { SEED_DEMO: 'false' } });
  });
  afterAll(async () => {
    await h?.close();
  });

  const anonymous = (method: string, path: string, body?: unknown) => h.api('', method, path, body);
  const invite = async (email: string, name: string) => {
    const res = await h.api(admin, 'POST', '/api/people/invites', { email, name, teamIds: [teamId] });
    expect(res.status).toBe(201);
    return res.body as { person: { id: string; state: string }; link: { url: string; emailedTo: string | null; emailError: string | null } };
  };
  const accept = async (url: string, name: string, password: string) => {
    const token = new URL(url).pathname.split('/').pop()!;
    const res = await anonymous('POST', `/api/account-links/${token}/accept`, { name, password });
    expect(res.status).toBe(200);
    return { token, session: res.body.token as string };
  };

  it('starts with nobody to log in as, and create-admin makes the first workspace and its admin', async () => {
    expect(await h.testDb.db.workspace.count()).toBe(0);
    expect((await anonymous('GET', '/api/setup')).body).toEqual({ needed: true });

    const env = { DATABASE_URL: h.testDb.url, PUBLIC_URL: 'https://help.newco.test', LOG_LEVEL: 'silent' };
    const run = await parleyWith({ stdin: `${ADMIN.password}\n`, env }, 'create-admin', '--email', ADMIN.email, '--name', ADMIN.name, '--workspace-name', 'NewCo');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`created admin ${ADMIN.email} in workspace "NewCo" (slug newco); log in at https://help.newco.test\n`);
    expect(run.stdout + run.stderr).not.toContain(ADMIN.password);

    const again = await parleyWith({ stdin: `${ADMIN.password}\n`, env }, 'create-admin', '--email', ADMIN.email, '--name', ADMIN.name, '--workspace', 'newco');
    expect(again).toEqual({ code: 1, stdout: '', stderr: `parley: email: ${ADMIN.email} already has a Parley login\n` });

    // Once a workspace exists the first-run screen is gone for good.
    expect((await anonymous('GET', '/api/setup')).body).toEqual({ needed: false });
    const late = await anonymous('POST', '/api/setup', { workspaceName: 'Other', name: 'Mallory', email: 'm@evil.test', password: 'long enough password' });
    expect(late.status).toBe(409);
    expect(await h.testDb.db.workspace.count()).toBe(1);

    admin = await h.login(ADMIN.email, ADMIN.password);
    const me = await h.api(admin, 'GET', '/api/me');
    expect(me.body).toMatchObject({ name: ADMIN.name, email: ADMIN.email, role: 'admin' });
  });

  it('sets up an email channel and a team whose members get its email', async () => {
    const channel = await h.api(admin, 'POST', '/api/channels', {
      kind: 'email',
      name: 'Help',
      address: INBOX,
      settings: { fromName: 'NewCo Help', smtp: { host: '127.0.0.1', port: h.sink.port, secure: false, ignoreTLS: true } },
    });
    expect(channel.status).toBe(201);
    const team = await h.api(admin, 'POST', '/api/teams', { name: 'Support' });
    expect(team.status).toBe(201);
    expect(team.body).toMatchObject({ name: 'Support', memberIds: [], leadAgentId: null, archivedAt: null });
    teamId = team.body.id;
    const workflow = await h.api(admin, 'PUT', '/api/routing/workflow', { fallback: { steps: [{ queue: 'General', timeoutSeconds: 600, requirement: { teamId } }] } });
    expect(workflow.status).toBe(200);
  });

  it('invites an agent by email; the one-time link sets their password and logs them in', async () => {
    const { person, link } = await invite('dana@newco.test', 'Dana');
    expect(person.state).toBe('invited');
    expect(link).toMatchObject({ emailedTo: 'dana@newco.test', emailError: null });
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/invite\/[\w-]{40,}$/);

    const mail = await h.sink.waitFor((m) => m.envelope.to.includes('dana@newco.test'));
    expect(mail.parsed.subject).toBe("You're invited to NewCo on Parley");
    expect(mail.parsed.text).toContain(link.url);
    // Only the token's hash is stored.
    const token = new URL(link.url).pathname.split('/').pop()!;
    expect(JSON.stringify(await h.testDb.db.agentToken.findMany())).not.toContain(token);

    expect((await anonymous('GET', `/api/account-links/${token}`)).body).toMatchObject({ purpose: 'invite', email: 'dana@newco.test', name: 'Dana', workspaceName: 'NewCo' });
    await expect(h.login('dana@newco.test', 'not set yet')).rejects.toThrow(/401/);

    await accept(link.url, 'Dana Scully', 'dana chooses this');
    expect((await anonymous('POST', `/api/account-links/${token}/accept`, { password: 'another password' })).status).toBe(404);
    expect((await anonymous('GET', `/api/account-links/${token}`)).status).toBe(404);

    const session = await h.login('dana@newco.test', 'dana chooses this');
    const me = await h.api(session, 'GET', '/api/me');
    expect(me.body).toMatchObject({ name: 'Dana Scully', role: 'agent', teamIds: [teamId] });
    dana = { id: me.body.id, token: session, socket: await h.socket(session) };
    const people = await h.api(admin, 'GET', '/api/people');
    expect(people.body.items.find((p: { id: string }) => p.id === dana.id)).toMatchObject({ state: 'active', teamIds: [teamId] });
  });

  it('routes a customer email to the new agent live, and hands it on when they are deactivated', async () => {
    const assigned: string[] = [];
    dana.socket.on('conversation.assigned', (c: { id: string }) => assigned.push(c.id));
    expect((await h.api(dana.token, 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);
    const messageId = await h.sendCustomerMail({ to: INBOX, from: 'Carla Customer <carla@example.com>', subject: 'My order', text: 'Where is my order?' });
    const conversationId = await h.conversationFor(messageId);
    await waitUntil(async () => (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).assigneeId === dana.id, 'the email routed to Dana');
    await waitUntil(async () => assigned.includes(conversationId), 'the live assignment on Dana’s socket');
    expect((await h.api(dana.token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Let me check that for you.' })).status).toBe(202);

    // A second agent comes online, with room to take it.
    const eve = await invite('eve@newco.test', 'Eve');
    const eveSession = await accept(eve.link.url, 'Eve', 'eve chooses this');
    expect((await h.api(eveSession.session, 'POST', '/api/me/presence', { presence: 'online' })).status).toBe(200);

    const closed = new Promise<string>((resolve) => dana.socket.once('disconnect', resolve));
    const res = await h.api(admin, 'POST', `/api/people/${dana.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'deactivated', presence: 'offline' });
    expect(await closed).toBe('io server disconnect');
    expect((await h.api(dana.token, 'GET', '/api/me')).status).toBe(401);
    await expect(h.login('dana@newco.test', 'dana chooses this')).rejects.toThrow(/401/);

    await waitUntil(async () => (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).assigneeId === eve.person.id, 'the conversation routed to Eve');
    const detail = await h.api(admin, 'GET', `/api/conversations/${conversationId}`);
    const reply = detail.body.messages.find((m: { text: string }) => m.text === 'Let me check that for you.');
    expect(reply.author).toEqual({ type: 'agent', id: dana.id, name: 'Dana Scully' });

    const actions = (await h.testDb.db.auditEvent.findMany({ orderBy: { createdAt: 'asc' } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['workspace.create', 'team.create', 'agent.invite', 'agent.invite.accept', 'agent.deactivate', 'conversation.released']));
  });
});
