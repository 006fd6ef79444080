// Every id a request names must be the caller's workspace's (issue 13, finding 1). Another
// workspace's team, agent, queue, skill, calendar, channel or status — or one that does not exist —
// is a 422 naming the field, never a 201 and never a 500, and nothing is stored.
import { testPasswords } from '../../support/passwords.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalateBreach } from '../../../src/domain/sla/escalate-breach.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { addOpenConversations } from '../../support/routing-fixtures.ts';

describe('ids from another workspace', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  const theirs = { team: '', lead: '', channel: '', calendar: '', queue: 'Their queue', skill: 'welsh', status: 'waiting_parts' };
  let conversationId: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    const db = h.testDb.db;
    const other = await createWorkspace({ db, passwords: testPasswords }, {
      name: 'Globex',
      slug: `globex-${h.workspace.workspace.id}`,
      teams: ['Their team'],
      agents: [{ email: `lead-${h.workspace.workspace.id}@globex.test`, name: 'Their Lead', role: 'supervisor', password: 'irrelevant password', teams: ['Their team'] }],
      channels: [{ kind: 'email', name: 'Globex help', address: `help-${h.workspace.workspace.id}@globex.test`, settings: {} }],
    });
    const wsId = other.workspace.id;
    theirs.team = other.teams.get('Their team')!;
    theirs.lead = other.agents[0]!.id;
    theirs.channel = other.channels[0]!.id;
    await db.team.update({ where: { id: theirs.team }, data: { leadAgentId: theirs.lead } });
    theirs.calendar = (await db.businessCalendar.create({ data: { workspaceId: wsId, name: 'Globex hours', timeZone: 'UTC', weeklyHours: {}, holidays: [] } })).id;
    await db.queue.create({ data: { workspaceId: wsId, name: theirs.queue } });
    await db.skill.create({ data: { workspaceId: wsId, name: theirs.skill } });
    await db.statusDefinition.create({ data: { workspaceId: wsId, key: theirs.status, label: 'Waiting for parts', category: 'pending', slaClock: 'pause', position: 9 } });
    conversationId = (await addOpenConversations(db, { workspaceId: h.workspace.workspace.id, channelId: h.workspace.channels[0]!.id, count: 1 }))[0]!;
  });
  afterAll(async () => {
    await h?.close();
  });

  const details = (res: { status: number; body: any }) => {
    expect(res.status).toBe(422);
    return res.body.error.details as { path: string; message: string }[];
  };

  it('a queue is never created or changed onto another workspace’s team, and nothing is stored', async () => {
    expect(details(await h.api(admin, 'POST', '/api/queues', { name: 'Foreign', teamId: theirs.team, mode: 'offer' }))).toEqual([{ path: 'teamId', message: `no team ${theirs.team}` }]);
    expect(await h.testDb.db.queue.count({ where: { name: 'Foreign' } })).toBe(0);
    const general = await h.testDb.db.queue.findFirstOrThrow({ where: { workspaceId: h.workspace.workspace.id, name: 'General' } });
    expect(details(await h.api(admin, 'PATCH', `/api/queues/${general.id}`, { name: 'Renamed', teamId: theirs.team }))).toEqual([{ path: 'teamId', message: `no team ${theirs.team}` }]);
    expect(await h.testDb.db.queue.findUniqueOrThrow({ where: { id: general.id } })).toMatchObject({ name: 'General', teamId: null });
  });

  it('a team id that does not exist is a 422 naming the field, never a 500', async () => {
    expect(details(await h.api(admin, 'POST', '/api/queues', { name: 'Ghost', teamId: 'no-such-team' }))).toEqual([{ path: 'teamId', message: 'no team no-such-team' }]);
    const policy = { name: 'Ghost team', conditions: { teamId: ['no-such-team'] }, targets: { normal: { first_response: 3600 } } };
    expect(details(await h.api(admin, 'POST', '/api/sla/policies', policy))).toEqual([{ path: 'conditions.teamId.0', message: 'no team no-such-team' }]);
    expect(details(await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { teamId: 'no-such-team' }))).toEqual([{ path: 'teamId', message: 'no team no-such-team' }]);
    expect(details(await h.api(admin, 'GET', '/api/conversations?teamId=no-such-team'))).toEqual([{ path: 'teamId', message: 'no team no-such-team' }]);
  });

  it('an SLA policy names only the workspace’s teams and calendar, and is not stored otherwise', async () => {
    const policy = { name: 'Stolen lead', conditions: { teamId: [h.workspace.teams.get('Support')!, theirs.team] }, calendarId: theirs.calendar, targets: { normal: { first_response: 60 } } };
    expect(details(await h.api(admin, 'POST', '/api/sla/policies', policy))).toEqual([
      { path: 'calendarId', message: `no calendar ${theirs.calendar}` },
      { path: 'conditions.teamId.1', message: `no team ${theirs.team}` },
    ]);
    expect(await h.testDb.db.slaPolicy.count({ where: { name: 'Stolen lead' } })).toBe(0);
  });

  it('a conversation is assigned only to the workspace’s agents and teams, naming the field', async () => {
    expect(details(await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { assigneeId: theirs.lead }))).toEqual([{ path: 'assigneeId', message: `no agent ${theirs.lead}` }]);
    expect(details(await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { teamId: theirs.team }))).toEqual([{ path: 'teamId', message: `no team ${theirs.team}` }]);
    expect(await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).toMatchObject({ assigneeId: null, teamId: null });
    expect(await h.testDb.db.auditEvent.count({ where: { action: 'conversation.assign', targetId: conversationId } })).toBe(0);
  });

  it('an archived team gets no new queue or conversation, but keeps what it has', async () => {
    const old = await h.api(admin, 'POST', '/api/teams', { name: 'Old team' });
    const queue = await h.api(admin, 'POST', '/api/queues', { name: 'Old queue', teamId: old.body.id });
    expect(queue.status).toBe(201);
    await h.api(admin, 'PATCH', `/api/teams/${old.body.id}`, { archived: true });
    expect(details(await h.api(admin, 'POST', '/api/queues', { name: 'Newer queue', teamId: old.body.id }))).toEqual([{ path: 'teamId', message: `team ${old.body.id} is archived` }]);
    expect(details(await h.api(admin, 'POST', `/api/conversations/${conversationId}/assign`, { teamId: old.body.id }))).toEqual([{ path: 'teamId', message: `team ${old.body.id} is archived` }]);
    // The queue it had already may still be renamed with its team named again.
    expect((await h.api(admin, 'PATCH', `/api/queues/${queue.body.id}`, { name: 'Old queue (kept)', teamId: old.body.id })).status).toBe(200);
  });

  it('statuses move only to, and conversations only into, the workspace’s own statuses', async () => {
    const created = { key: 'awaiting', label: 'Awaiting', category: 'pending', slaClock: 'pause', autoAfterSeconds: 3600, autoToKey: theirs.status };
    expect(details(await h.api(admin, 'POST', '/api/statuses', created))).toEqual([{ path: 'autoToKey', message: `no status "${theirs.status}"` }]);
    expect(await h.testDb.db.statusDefinition.count({ where: { workspaceId: h.workspace.workspace.id, key: 'awaiting' } })).toBe(0);
    expect(details(await h.api(admin, 'PATCH', '/api/statuses/pending', { autoAfterSeconds: 3600, autoToKey: theirs.status }))).toEqual([{ path: 'autoToKey', message: `no status "${theirs.status}"` }]);
    expect(details(await h.api(admin, 'POST', `/api/conversations/${conversationId}/status`, { statusKey: theirs.status }))).toEqual([{ path: 'statusKey', message: `no status "${theirs.status}"` }]);
    expect((await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId } })).statusKey).toBe('open');
  });

  it('the inbox list refuses a filter by another workspace’s channel or team instead of answering an empty page', async () => {
    expect(details(await h.api(ada, 'GET', `/api/conversations?channelId=${theirs.channel}`))).toEqual([{ path: 'channelId', message: `no channel ${theirs.channel}` }]);
    expect(details(await h.api(admin, 'GET', `/api/conversations?teamId=${theirs.team}`))).toEqual([{ path: 'teamId', message: `no team ${theirs.team}` }]);
    const own = await h.api(admin, 'GET', `/api/conversations?channelId=${h.workspace.channels[0]!.id}`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toContain(conversationId);
  });

  it('the routing workflow names only the workspace’s queues, skills and teams', async () => {
    const res = await h.api(admin, 'PUT', '/api/routing/workflow', {
      filters: [{ name: 'Theirs', when: { teamId: [theirs.team] }, steps: [{ queue: theirs.queue, requirement: { skills: [{ skill: theirs.skill }], teamId: theirs.team }, timeoutSeconds: 60 }] }],
      fallback: { steps: [{ queue: 'General', timeoutSeconds: 60 }] },
    });
    expect(details(res)).toEqual([
      { path: 'filters.0.when.teamId.0', message: `no team ${theirs.team}` },
      { path: 'filters.0.steps.0.queue', message: `no queue named "${theirs.queue}"` },
      { path: 'filters.0.steps.0.requirement.skills.0.skill', message: `no skill named "${theirs.skill}"` },
      { path: 'filters.0.steps.0.requirement.teamId', message: `no team ${theirs.team}` },
    ]);
  });

  it('teams and people take only the workspace’s agents and teams', async () => {
    expect(details(await h.api(admin, 'POST', '/api/teams', { name: 'Poached', leadAgentId: theirs.lead, memberIds: [h.workspace.agents[1]!.id, theirs.lead] }))).toEqual([
      { path: 'leadAgentId', message: `no agent ${theirs.lead}` },
      { path: 'memberIds.1', message: `no agent ${theirs.lead}` },
    ]);
    expect(await h.testDb.db.team.count({ where: { name: 'Poached' } })).toBe(0);
    expect(details(await h.api(admin, 'POST', '/api/people/invites', { email: 'new@acme.test', name: 'New', teamIds: [theirs.team] }))).toEqual([{ path: 'teamIds.0', message: `no team ${theirs.team}` }]);
    expect(details(await h.api(admin, 'PATCH', `/api/people/${h.workspace.agents[1]!.id}`, { teamIds: [h.workspace.teams.get('Support')!, theirs.team] }))).toEqual([{ path: 'teamIds.1', message: `no team ${theirs.team}` }]);
  });

  it('a breach on a conversation that carries another workspace’s team (stored before these checks) never reaches that team’s lead', async () => {
    const db = h.testDb.db;
    const ws = h.workspace.workspace.id;
    const [legacy] = await addOpenConversations(db, { workspaceId: ws, channelId: h.workspace.channels[0]!.id, count: 1 });
    await db.conversation.update({ where: { id: legacy! }, data: { teamId: theirs.team } });
    const policy = await db.slaPolicy.create({ data: { workspaceId: ws, name: 'Legacy', targets: { normal: { first_response: 60 } } } });
    const now = new Date();
    const clock = await db.slaClock.create({ data: { workspaceId: ws, conversationId: legacy!, policyId: policy.id, metric: 'first_response', key: 'first_response', targetMs: 60_000, startedAt: now, status: 'breached', breachedAt: now } });
    const breach = await db.slaBreach.create({ data: { workspaceId: ws, conversationId: legacy!, clockId: clock.id, metric: 'first_response', dueAt: now, breachedAt: now } });
    const actions = await escalateBreach(h.rt.deps, { breachId: breach.id, conversationId: legacy!, escalation: { notifyTeamLead: true, raisePriority: false, reassign: false } });
    expect(actions).toEqual(['notified supervisors']);
    expect(await db.notification.count({ where: { agentId: theirs.lead } })).toBe(0);
    expect(await db.notification.count({ where: { agentId: h.workspace.agents[0]!.id, kind: 'sla.breach', conversationId: legacy! } })).toBe(1);
  });
});
