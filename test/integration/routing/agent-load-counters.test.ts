// The per-agent load counters ("AgentLoad", kept by triggers on "Conversation") equal a fresh
// count of open assigned conversations per agent and channel after every kind of writer: routing,
// manual assignment, transfer, unassignment, resolve, reopen, snooze, a contact merge, an agent's
// release, a channel move, a delete, a multi-row update. The comparison itself is shown to catch a
// write the triggers did not see.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import type { Viewer } from '../../../src/domain/auth/viewer.ts';
import { mergeContacts } from '../../../src/domain/contacts/merge-contacts.ts';
import { assignConversation } from '../../../src/domain/conversations/assign-conversation.ts';
import { changeConversationStatus } from '../../../src/domain/conversations/change-status.ts';
import { releaseAgentWork } from '../../../src/domain/people/release-agent-work.ts';
import { routeBatch } from '../../../src/domain/routing/route-batch.ts';
import { createLogger } from '../../../src/log.ts';
import { queueNames } from '../../../src/queues.ts';
import { createRuntime, type Runtime } from '../../../src/runtime.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { testPasswords } from '../../support/passwords.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';

type Row = { agentId: string; channelId: string; n: number };

describe('agent load counters', () => {
  let testDb: TestDb;
  let dataDir: string;
  let rt: Runtime;

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-loads-'));
  });
  afterAll(async () => {
    for (const q of queueNames) await rt?.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
    await rt?.close();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const counters = () =>
    testDb.db.$queryRawUnsafe<Row[]>(`SELECT "agentId", "channelId", assigned AS n FROM "AgentLoad" WHERE assigned <> 0 ORDER BY 1, 2`);
  const recount = () =>
    testDb.db.$queryRawUnsafe<Row[]>(
      `SELECT "assigneeId" AS "agentId", "channelId", count(*)::int AS n FROM "Conversation" WHERE status = 'open' AND "assigneeId" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
    );
  const expectExact = async (step: string) => expect({ step, rows: await counters() }).toEqual({ step, rows: await recount() });

  it('stay equal to a recount after every writer of assignments and statuses', async () => {
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    const config = loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix, DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    rt = createRuntime(config, createLogger('silent'));
    const { workspace, channels, agents: people } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
      name: 'Loads',
      slug: prefix,
      agents: [{ email: `${prefix}-sup@x.test`, name: 'Sup', role: 'supervisor', password: 'password123' }],
      channels: [
        { kind: 'email', name: 'Mail', address: `${prefix}@mail.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } },
        { kind: 'webchat', name: 'Chat', address: `${prefix}-chat`, settings: {} },
      ],
    });
    const sup: Viewer = { agentId: people[0]!.id, workspaceId: workspace.id, role: 'supervisor', teamIds: [] };
    const [a, b, c] = await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 3, capacity: 10_000, prefix });
    const mail = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 6 });
    const chat = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[1]!.id, count: 6 });
    await expectExact('nothing assigned');

    const routed = await routeBatch(rt.deps, [...mail, ...chat].map((conversationId) => ({ conversationId })));
    expect(routed.filter((o) => o.status === 'assigned')).toHaveLength(12);
    expect((await counters()).reduce((s, r) => s + r.n, 0)).toBe(12);
    await expectExact('routed');

    await assignConversation(rt.deps, sup, { conversationId: mail[0]!, assigneeId: a!.id });
    await assignConversation(rt.deps, sup, { conversationId: mail[1]!, assigneeId: b!.id });
    await assignConversation(rt.deps, sup, { conversationId: chat[0]!, assigneeId: c!.id });
    await expectExact('transferred');
    await assignConversation(rt.deps, sup, { conversationId: mail[2]!, assigneeId: null });
    await expectExact('unassigned');

    await changeConversationStatus(rt.deps, sup, { conversationId: mail[3]!, status: 'resolved' });
    await changeConversationStatus(rt.deps, sup, { conversationId: chat[1]!, status: 'pending' });
    await changeConversationStatus(rt.deps, sup, { conversationId: chat[2]!, status: 'snoozed', snoozedUntil: new Date(Date.now() + 3_600_000) });
    await expectExact('resolved, pending, snoozed');
    await changeConversationStatus(rt.deps, sup, { conversationId: mail[3]!, status: 'open' });
    await changeConversationStatus(rt.deps, sup, { conversationId: chat[1]!, status: 'open' });
    await expectExact('reopened');

    const [from, into] = await testDb.db.conversation.findMany({ where: { id: { in: [chat[3]!, chat[4]!] } }, select: { contactId: true } });
    await testDb.db.$transaction((tx) => mergeContacts(tx, { fromId: from!.contactId, intoId: into!.contactId, reason: 'test' }));
    await expectExact('contacts merged');

    await releaseAgentWork(rt.deps, { workspaceId: workspace.id, agentId: a!.id, actorAgentId: sup.agentId, reason: 'left' });
    expect((await counters()).filter((r) => r.agentId === a!.id)).toEqual([]);
    await expectExact('agent released');

    // Writers outside the domain functions: a channel move, a multi-row update, a delete, an insert already assigned.
    await testDb.db.$executeRawUnsafe(`UPDATE "Conversation" SET "channelId" = $1 WHERE id = $2`, channels[0]!.id, chat[5]!);
    await testDb.db.$executeRawUnsafe(`UPDATE "Conversation" SET "assigneeId" = $1 WHERE id = ANY($2::text[]) AND status = 'open'`, b!.id, mail);
    await expectExact('channel move, multi-row update');
    await testDb.db.$executeRawUnsafe(`DELETE FROM "ConversationEvent" WHERE "conversationId" = $1`, mail[4]!);
    await testDb.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "targetId" = $1`, mail[4]!);
    await testDb.db.$executeRawUnsafe(`DELETE FROM "Message" WHERE "conversationId" = $1`, mail[4]!);
    await testDb.db.$executeRawUnsafe(`DELETE FROM "SlaClock" WHERE "conversationId" = $1`, mail[4]!);
    await testDb.db.$executeRawUnsafe(`DELETE FROM "Conversation" WHERE id = $1`, mail[4]!);
    const contact = await testDb.db.contact.create({ data: { workspaceId: workspace.id, name: 'Imported' } });
    await testDb.db.conversation.create({ data: { workspaceId: workspace.id, number: 999, channelId: channels[1]!.id, contactId: contact.id, assigneeId: c!.id } });
    await expectExact('deleted, inserted assigned');

    // The check can fail: a write the triggers do not see (replica mode skips them) leaves the counters behind.
    await testDb.db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`);
      await tx.$executeRawUnsafe(`UPDATE "Conversation" SET "assigneeId" = NULL WHERE id = $1`, mail[5]!);
    });
    expect(await counters()).not.toEqual(await recount());
  });
});
