// Search's fast path for common words (the newest messages in order, filtered by the query)
// against the full-text index path on the same seeded set: the same newest matches, the same
// conversations, and still only what the agent may see.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { defaultHitLimits, messageHits, messageHitsByIndex } from '../../src/domain/conversations/search-message-hits.ts';
import { searchConversations } from '../../src/domain/conversations/search-conversations.ts';
import { visibleConversationsWhere } from '../../src/domain/conversations/visibility.ts';
import type { Viewer } from '../../src/domain/auth/viewer.ts';
import { createWorkspace } from '../../src/seed/create-workspace.ts';
import { COMMON_WORD, seedInbox } from '../bench/support/seed-inbox.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { testPasswords } from '../support/passwords.ts';

// 700 conversations x 10 messages, a third holding the common word: ~2,300 matches, more than the
// 2,000 a search considers, all among the newest 8,000 messages, so the defaults take the fast path.
const CONVERSATIONS = 700;

describe('search fast path', () => {
  let testDb: TestDb;
  let db: Db;
  let workspaceId: string;
  let agent: Viewer;

  beforeAll(async () => {
    testDb = await createTestDb();
    db = testDb.db;
    const prefix = `s-${randomBytes(5).toString('hex')}`;
    const ws = await createWorkspace({ db, passwords: testPasswords }, {
      name: 'Search', slug: prefix, teams: ['Support', 'Billing'],
      agents: [
        { email: `${prefix}-ada@x.test`, name: 'Ada', role: 'agent', password: 'password123', teams: ['Support'] },
        { email: `${prefix}-sue@x.test`, name: 'Sue', role: 'supervisor', password: 'password123' },
      ],
      channels: [{ kind: 'sms', name: 'SMS', address: `+1415${Math.floor(1e6 + Math.random() * 8e6)}`, settings: {} }],
    });
    workspaceId = ws.workspace.id;
    agent = { agentId: ws.agents[0]!.id, workspaceId, role: 'agent', teamIds: [ws.teams.get('Support')!] };
    // Half the conversations in Billing, a team Ada is not in: she sees those only when assigned to her.
    await seedInbox(testDb.url, {
      workspaceId, channelId: ws.channels[0]!.id, teamId: ws.teams.get('Billing')!, agentId: ws.agents[0]!.id, supervisorId: ws.agents[1]!.id,
      queueId: (await db.queue.findFirstOrThrow({ where: { workspaceId } })).id, from: 0, to: CONVERSATIONS, messagesPerConversation: 10, conversationsPerContact: 20,
    });
    // Distinct message times, so "the newest N matches" is one set whichever path finds it.
    await db.$executeRaw`UPDATE "Message" m SET "createdAt" = x.at FROM (
      SELECT id, now() - interval '1 day' + row_number() OVER (ORDER BY "createdAt", id) * interval '1 second' AS at FROM "Message") x WHERE m.id = x.id`;
  });
  afterAll(async () => {
    await testDb?.drop();
  });

  it('finds the same newest matches as the full-text index, common word or rare', async () => {
    const common = `${COMMON_WORD}:*`;
    const matches = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Message" WHERE "searchVector" @@ to_tsquery('simple', ${common})`;
    expect(matches[0]!.n).toBeGreaterThan(defaultHitLimits.cap);
    expect(await messageHits(db, workspaceId, common)).toEqual(await messageHitsByIndex(db, workspaceId, common));
    const small = { cap: 50, window: 200 };
    const fast = await messageHits(db, workspaceId, common, small);
    expect(fast.size).toBeGreaterThan(0);
    expect(fast).toEqual(await messageHitsByIndex(db, workspaceId, common, small));
    // "number 123" is in conversation 123's ten messages only: fewer than the cap, so the index answers.
    const rare = 'number:* & 123';
    const hits = await messageHits(db, workspaceId, rare, small);
    expect(hits.size).toBe(1);
    expect(hits).toEqual(await messageHitsByIndex(db, workspaceId, rare, small));
  });

  it('returns the newest visible conversations with a match, and none the agent may not see', async () => {
    const limit = 25;
    const { items } = await searchConversations(db, agent, { q: COMMON_WORD, limit });
    const hits = await messageHitsByIndex(db, workspaceId, `${COMMON_WORD}:*`);
    const want = await db.conversation.findMany({
      where: { AND: [visibleConversationsWhere(agent), { id: { in: [...hits.keys()] } }] },
      orderBy: [{ lastMessageAt: 'desc' }, { id: 'desc' }],
      take: limit,
      select: { id: true },
    });
    expect(items.map((i) => i.id)).toEqual(want.map((w) => w.id));
    expect(items).toHaveLength(limit);
    for (const item of items) {
      expect(item.team === null || item.team.id === agent.teamIds[0] || item.assignee?.id === agent.agentId).toBe(true);
      expect(item.match?.messageId).toBe(hits.get(item.id));
      expect(item.match?.snippet.some((p) => p.match && p.text.startsWith(COMMON_WORD))).toBe(true);
    }
    // Billing's conversations not assigned to her hold the word as often, and none of them came back.
    const hidden = await db.conversation.findMany({ where: { workspaceId, team: { name: 'Billing' }, OR: [{ assigneeId: null }, { assigneeId: { not: agent.agentId } }] }, select: { id: true } });
    expect(hidden.filter((c) => hits.has(c.id)).length).toBeGreaterThan(limit);
    expect(items.filter((i) => hidden.some((c) => c.id === i.id))).toEqual([]);
  });
});
