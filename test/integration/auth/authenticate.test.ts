// The session lookup every API request and agent socket makes (authenticate): one statement, and
// nothing remembered between calls, so whatever changed about the session or its person applies
// to the very next request: logout, expiry, idleness, deactivation, a new role, other teams.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../../src/db/sql.ts';
import { authenticate, endSessions, startSession } from '../../../src/domain/auth/sessions.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('authenticate', () => {
  let t: TestDb;
  let ws: Awaited<ReturnType<typeof createWorkspace>>;
  const now = new Date('2026-12-06T12:00:00Z');
  const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
  const opts = (at = now) => ({ now: at, idleMinutes: 30 });

  beforeAll(async () => {
    t = await createTestDb();
    ws = await createWorkspace({ db: t.db, passwords: testPasswords }, {
      name: 'Auth',
      slug: 'auth',
      teams: ['Support', 'Billing', 'Sales'],
      channels: [],
      agents: [{ email: 'ada@auth.test', name: 'Ada Agent', role: 'agent', password: 'password-ada-1', teams: ['Support', 'Billing'] }],
    });
  });
  afterAll(async () => {
    await t?.drop();
  });

  const ada = () => ws.agents[0]!;
  const login = async (at = now) => {
    const a = await t.db.agent.findUniqueOrThrow({ where: { id: ada().id } });
    return (await startSession(t.db, { agent: a, now: at, ttlHours: 24, client: { ip: null, userAgent: null } })).token;
  };
  const teamIdsOf = async (names: string[]) => names.map((n) => ws.teams.get(n)!).sort();

  it('gives the person behind a token with their workspace, role and every team, and nothing for an unknown token', async () => {
    const token = await login();
    const viewer = await authenticate(t.db, token, opts());
    const session = await t.db.session.findFirstOrThrow({ where: { agentId: ada().id } });
    expect(viewer).toEqual({ agentId: ada().id, workspaceId: ws.workspace.id, role: 'agent', teamIds: await teamIdsOf(['Support', 'Billing']), name: 'Ada Agent', email: 'ada@auth.test', sessionId: session.id });
    expect(await authenticate(t.db, `${token}x`, opts())).toBeNull();
  });

  it('sees a new role and other teams at the next request', async () => {
    const token = await login();
    await authenticate(t.db, token, opts());
    await t.db.agent.update({ where: { id: ada().id }, data: { role: 'supervisor' } });
    await t.db.teamMember.deleteMany({ where: { agentId: ada().id, teamId: ws.teams.get('Billing')! } });
    await t.db.teamMember.create({ data: { agentId: ada().id, teamId: ws.teams.get('Sales')! } });
    expect(await authenticate(t.db, token, opts())).toMatchObject({ role: 'supervisor', teamIds: await teamIdsOf(['Support', 'Sales']) });
    await t.db.teamMember.deleteMany({ where: { agentId: ada().id } });
    await t.db.agent.update({ where: { id: ada().id }, data: { role: 'agent' } });
    expect(await authenticate(t.db, token, opts())).toMatchObject({ role: 'agent', teamIds: [] });
  });

  it('refuses an ended, expired or deactivated session at once, and ends an idle one', async () => {
    const ended = await login();
    expect(await authenticate(t.db, ended, opts())).not.toBeNull();
    await endSessions(t.db, { agentId: ada().id });
    expect(await authenticate(t.db, ended, opts())).toBeNull();

    const expiring = await login();
    expect(await authenticate(t.db, expiring, opts(minutes(24 * 60)))).toBeNull();

    const idle = await login();
    expect(await authenticate(t.db, idle, opts(minutes(31)))).toBeNull();
    expect(await t.db.session.count({ where: { agentId: ada().id } })).toBe(1);

    const deactivated = await login();
    await t.db.agent.update({ where: { id: ada().id }, data: { active: false } });
    expect(await authenticate(t.db, deactivated, opts())).toBeNull();
    await t.db.agent.update({ where: { id: ada().id }, data: { active: true } });
    expect(await authenticate(t.db, deactivated, opts())).not.toBeNull();
  });

  it('records the last use at most once a minute', async () => {
    await endSessions(t.db, { agentId: ada().id });
    const token = await login();
    const lastSeen = async () => (await sqlRows<{ at: Date }>(t.db, { text: `SELECT "lastSeenAt" AT TIME ZONE 'UTC' AS at FROM "Session" WHERE "agentId" = $1` }, [ada().id]))[0]!.at.getTime();
    await authenticate(t.db, token, opts(minutes(0.5)));
    expect(await lastSeen()).toBe(now.getTime());
    await authenticate(t.db, token, opts(minutes(2)));
    expect(await lastSeen()).toBe(minutes(2).getTime());
  });
});
