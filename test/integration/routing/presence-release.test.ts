// When an agent goes offline their live conversations (chat, calls) go back to routing and reach
// another online agent, while their emails stay with them. Which kinds are live is the adapter's
// word, so the test gives the runtime an adapter set where one kind is live.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapterFor, asChannelKind } from '../../../channels/registry.ts';
import { loadConfig } from '../../../src/config.ts';
import { setPresence } from '../../../src/domain/routing/set-presence.ts';
import { createLogger } from '../../../src/log.ts';
import { queueNames } from '../../../src/queues.ts';
import { createRuntime, startWorkerSet, type Runtime } from '../../../src/runtime.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { testRedisUrl } from '../../support/env.ts';
import { addOpenConversations, addSkilledAgents } from '../../support/routing-fixtures.ts';
import { waitUntil } from '../../support/wait.ts';
import { testPasswords } from '../../support/passwords.ts';

describe('presence and live work', () => {
  let testDb: TestDb;
  let dataDir: string;
  let rt: Runtime;
  let close: () => Promise<void>;

  beforeAll(async () => {
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-presence-'));
  });
  afterAll(async () => {
    await close?.();
    for (const q of queueNames) await rt?.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
    await rt?.close();
    await testDb.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('re-routes live conversations of an agent who goes offline and keeps their emails', async () => {
    const prefix = `t-${randomBytes(5).toString('hex')}`;
    const { workspace, channels } = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
      name: 'Live',
      slug: prefix,
      agents: [{ email: `${prefix}-sup@x.test`, name: 'Sup', role: 'supervisor', password: 'password123' }],
      channels: [
        { kind: 'email', name: 'Mail', address: `${prefix}@mail.test`, settings: { smtp: { host: '127.0.0.1', port: 1 } } },
        { kind: 'webchat', name: 'Chat', address: `${prefix}-chat`, settings: {} },
      ],
    });
    const [leaving, staying] = await addSkilledAgents(testDb.db, { workspaceId: workspace.id, count: 2, capacity: 100, prefix });
    const [chat] = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[1]!.id, count: 1 });
    const [mail] = await addOpenConversations(testDb.db, { workspaceId: workspace.id, channelId: channels[0]!.id, count: 1 });
    await testDb.db.conversation.updateMany({ where: { id: { in: [chat!, mail!] } }, data: { assigneeId: leaving!.id } });

    const config = loadConfig({ DATABASE_URL: testDb.url, REDIS_URL: testRedisUrl, QUEUE_PREFIX: prefix, DATA_DIR: dataDir, SWEEP_INTERVAL_SECONDS: '3600', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    rt = createRuntime(config, createLogger(config.LOG_LEVEL));
    const liveKinds = new Set(['webchat']);
    rt.deps.adapterFor = (kind) => ({ ...adapterFor('email'), kind: asChannelKind(kind), live: liveKinds.has(kind) });
    close = (await startWorkerSet(rt)).close;

    await setPresence(rt.deps, { agentId: leaving!.id, presence: 'offline', actorAgentId: null, reason: 'test' });
    const moved = await waitUntil(async () => {
      const c = await testDb.db.conversation.findUniqueOrThrow({ where: { id: chat! } });
      return c.assigneeId && c.assigneeId !== leaving!.id ? c : null;
    }, 'the chat to reach another agent');
    expect(moved.assigneeId).toBe(staying!.id);
    expect((await testDb.db.conversation.findUniqueOrThrow({ where: { id: mail! } })).assigneeId).toBe(leaving!.id);
    const note = await testDb.db.notification.findFirstOrThrow({ where: { kind: 'agent.offline-with-work' } });
    expect((note.data as { conversationIds: string[] }).conversationIds).toEqual([mail]);
    const released = await testDb.db.auditEvent.findFirstOrThrow({ where: { action: 'conversation.released', targetId: chat! } });
    expect(released.data).toMatchObject({ agentId: leaving!.id });
  });
});
