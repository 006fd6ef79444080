// The team view (an agent's default) at 20,000 conversations: a small or empty team's page is read
// through the team's own index, newest activity first, not by scanning the workspace (which grew
// with every conversation of every other team: ~40 ms for an empty team at 100k).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlRows } from '../../../src/db/sql.ts';
import type { Viewer } from '../../../src/domain/auth/viewer.ts';
import { listConversations, listStatement, type ListConversationsQuery } from '../../../src/domain/conversations/list-conversations.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testPasswords } from '../../support/passwords.ts';

const N = 20_000;

describe('the team view at 20k conversations', () => {
  let t: TestDb;
  let agent: Viewer;
  let teams: Map<string, string>;

  beforeAll(async () => {
    t = await createTestDb();
    const ws = await createWorkspace({ db: t.db, passwords: testPasswords }, {
      name: 'Teams',
      slug: 'teams',
      teams: ['Support', 'Tiny', 'Empty'],
      agents: [{ email: 'agent@teams.test', name: 'Agent', role: 'agent', password: 'irrelevant password', teams: ['Support', 'Tiny', 'Empty'] }],
      channels: [{ kind: 'email', name: 'E', address: 'help@teams.test', settings: {} }],
    });
    teams = ws.teams;
    agent = { agentId: ws.agents[0]!.id, workspaceId: ws.workspace.id, role: 'agent', teamIds: [...ws.teams.values()] };
    const contact = await t.db.contact.create({ data: { workspaceId: ws.workspace.id, name: 'Customer' } });
    // Every 2,000th conversation is Tiny's (10 of them, all open), the rest Support's (40% open); one a minute.
    await t.db.$executeRaw`
      INSERT INTO "Conversation" ("id", "workspaceId", "number", "channelId", "contactId", "status", "statusKey", "teamId", "lastMessageAt", "createdAt", "updatedAt", "statusChangedAt")
      SELECT 'v' || lpad(i::text, 6, '0'), ${ws.workspace.id}, i, ${ws.channels[0]!.id}, ${contact.id},
             (CASE WHEN i % 5 < 2 THEN 'open' ELSE 'resolved' END)::"ConversationStatus", CASE WHEN i % 5 < 2 THEN 'open' ELSE 'resolved' END,
             CASE WHEN i % 2000 = 0 THEN ${teams.get('Tiny')!} ELSE ${teams.get('Support')!} END,
             TIMESTAMP '2026-11-01' + (i || ' minutes')::interval, TIMESTAMP '2026-11-01' + (i || ' minutes')::interval, now(), now()
      FROM generate_series(1, ${N}) i`;
    await t.db.$executeRawUnsafe('VACUUM (ANALYZE) "Conversation"');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const view = (team: string): ListConversationsQuery => ({ assignee: 'all', teamId: teams.get(team)!, status: ['open'], limit: 25 });
  const planOf = async (q: ListConversationsQuery) => {
    const { text, values } = listStatement(agent, q);
    return (await sqlRows<{ 'QUERY PLAN': string }>(t.db, { text: `EXPLAIN ${text}` }, values)).map((r) => r['QUERY PLAN']).join('\n');
  };

  it('reads a small team and an empty one through the team index, without scanning the workspace', async () => {
    for (const team of ['Tiny', 'Empty']) {
      const plan = await planOf(view(team));
      expect(plan, team).toContain('Conversation_workspaceId_teamId_lastMessageAt_idx');
      expect(plan, team).not.toMatch(/Seq Scan on "Conversation"/);
    }
  });

  it('lists the small team’s open conversations, newest activity first', async () => {
    const page = await listConversations(t.db, agent, view('Tiny'));
    // Tiny holds 2000, 4000, ... 20000, all open (i % 5 = 0).
    expect(page.items.map((c) => c.number)).toEqual(Array.from({ length: 10 }, (_, k) => 20000 - 2000 * k));
    expect((await listConversations(t.db, agent, view('Empty'))).items).toEqual([]);
  });
});
