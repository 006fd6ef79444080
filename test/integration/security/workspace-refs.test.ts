// The one place that checks a request's ids against the caller's workspace, for every kind it
// knows: the workspace's own pass, another workspace's and unknown ones are named by their field,
// inactive ones are refused where asked, and each kind costs one query however many ids it has.
import { testPasswords } from '../../support/passwords.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/client.ts';
import { assertRefsInWorkspace, refKinds, workspaceRefProblems, type RefKind } from '../../../src/domain/workspace-refs.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';

/** One of each kind in a workspace, by the id (or name, or key) requests name it by. */
async function oneOfEach(db: Db, tag: string): Promise<{ workspaceId: string; refs: Record<RefKind, string> }> {
  const { workspace: ws, teams, agents, channels } = await createWorkspace({ db, passwords: testPasswords }, {
    name: tag,
    slug: `${tag}-${Date.now()}`,
    teams: ['T'],
    agents: [{ email: `${tag}-${Date.now()}@refs.test`, name: `${tag} agent`, role: 'agent', password: 'irrelevant password' }],
    channels: [{ kind: 'email', name: 'E', address: `${tag}-${Date.now()}@refs.test`, settings: {} }],
  });
  const workspaceId = ws.id;
  const queue = await db.queue.findFirstOrThrow({ where: { workspaceId } });
  const calendar = await db.businessCalendar.create({ data: { workspaceId, name: 'Hours', timeZone: 'UTC', weeklyHours: {} } });
  const policy = await db.slaPolicy.create({ data: { workspaceId, name: 'P', targets: { normal: { first_response: 60 } } } });
  const contact = await db.contact.create({ data: { workspaceId, name: 'C' } });
  const canned = await db.cannedResponse.create({ data: { workspaceId, shortcut: 'hi', title: 'Hi', body: 'Hello' } });
  const organisation = await db.organisation.create({ data: { workspaceId, name: `${tag} Ltd` } });
  const category = await db.knowledgeCategory.create({ data: { workspaceId, name: 'Billing', slug: 'billing' } });
  await db.skill.create({ data: { workspaceId, name: `${tag}-skill` } });
  await db.statusDefinition.create({ data: { workspaceId, key: `${tag}_status`, label: 'S', category: 'pending', position: 9 } });
  return {
    workspaceId,
    refs: {
      team: teams.get('T')!,
      agent: agents[0]!.id,
      queue: queue.id,
      queueName: `${tag} queue`,
      skill: `${tag}-skill`,
      calendar: calendar.id,
      policy: policy.id,
      channel: channels[0]!.id,
      contact: contact.id,
      cannedResponse: canned.id,
      organisation: organisation.id,
      status: `${tag}_status`,
      knowledgeCategory: category.id,
    },
  };
}

describe('workspace references', () => {
  let t: TestDb;
  let ours: Awaited<ReturnType<typeof oneOfEach>>;
  let theirs: Awaited<ReturnType<typeof oneOfEach>>;

  beforeAll(async () => {
    t = await createTestDb();
    ours = await oneOfEach(t.db, 'ours');
    theirs = await oneOfEach(t.db, 'theirs');
    await t.db.queue.create({ data: { workspaceId: ours.workspaceId, name: 'ours queue' } });
    await t.db.queue.create({ data: { workspaceId: theirs.workspaceId, name: 'theirs queue' } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('knows every kind a request can name', () => {
    expect(refKinds.sort()).toEqual(['agent', 'calendar', 'cannedResponse', 'channel', 'contact', 'policy', 'queue', 'queueName', 'skill', 'status', 'team', 'knowledgeCategory', 'organisation'].sort());
  });

  it.each(['team', 'agent', 'queue', 'queueName', 'skill', 'calendar', 'policy', 'channel', 'contact', 'cannedResponse', 'status', 'knowledgeCategory', 'organisation'] as const)(
    '%s: the workspace’s own passes; another workspace’s and an unknown one are named by their field',
    async (kind) => {
      const refs = [
        { kind, path: 'own', id: ours.refs[kind] },
        { kind, path: 'list.0', id: theirs.refs[kind] },
        { kind, path: 'list.1', id: 'does-not-exist' },
      ];
      const problems = await workspaceRefProblems(t.db, ours.workspaceId, refs);
      expect(problems.map((p) => p.path)).toEqual(['list.0', 'list.1']);
      expect(problems[0]!.message).toContain(theirs.refs[kind]);
      // Another workspace's id reads exactly like one that does not exist.
      expect(problems[0]!.message.replace(theirs.refs[kind], 'X')).toBe(problems[1]!.message.replace('does-not-exist', 'X'));
      await expect(assertRefsInWorkspace(t.db, ours.workspaceId, refs)).rejects.toMatchObject({ code: 'validation_failed', details: problems });
      await expect(assertRefsInWorkspace(t.db, ours.workspaceId, refs.slice(0, 1))).resolves.toBeUndefined();
    },
  );

  it('refuses an archived team, a deactivated or invited agent, an inactive channel or policy only where asked', async () => {
    const ws = ours.workspaceId;
    const archived = await t.db.team.create({ data: { workspaceId: ws, name: 'Gone', archivedAt: new Date() } });
    const left = await t.db.agent.create({ data: { workspaceId: ws, email: `left-${Date.now()}@refs.test`, name: 'Lee Left', active: false } });
    const invited = await t.db.agent.create({ data: { workspaceId: ws, email: `inv-${Date.now()}@refs.test`, name: 'Ivy Invited', active: false, joinedAt: null } });
    const refs = [
      { kind: 'team' as const, path: 'teamId', id: archived.id },
      { kind: 'agent' as const, path: 'leadAgentId', id: left.id },
      { kind: 'agent' as const, path: 'assigneeId', id: invited.id },
    ];
    expect(await workspaceRefProblems(t.db, ws, refs)).toEqual([]);
    expect(await workspaceRefProblems(t.db, ws, refs.map((r) => ({ ...r, active: true })))).toEqual([
      { path: 'teamId', message: `team ${archived.id} is archived` },
      { path: 'leadAgentId', message: 'Lee Left is deactivated and cannot take conversations or lead a team' },
      { path: 'assigneeId', message: 'Ivy Invited has not accepted their invitation yet' },
    ]);
  });

  it('asks the database once per kind, however many ids of it a request names', async () => {
    let queries = 0;
    const counted = t.db.$extends({ query: { $allOperations: ({ args, query }) => (queries++, query(args)) } }) as unknown as Db;
    const many = (kind: RefKind) => Array.from({ length: 20 }, (_, i) => ({ kind, path: `${kind}.${i}`, id: i % 2 ? ours.refs[kind] : theirs.refs[kind] }));
    const problems = await workspaceRefProblems(counted, ours.workspaceId, [...many('team'), ...many('agent'), ...many('skill')]);
    expect(problems).toHaveLength(30);
    expect(queries).toBe(3);
  });
});
