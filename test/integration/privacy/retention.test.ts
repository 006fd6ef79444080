// The retention purge: by each workspace's settings, processed raw payloads, rejected webhooks,
// long-expired sessions and idle visitors go in batches; resolved conversations lose their content
// only once an admin sets a number of days; files whose deletion failed are retried; the purge is
// one of the cluster's scheduled maintenance jobs.
import { randomUUID } from 'node:crypto';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { deletePendingFiles } from '../../../src/domain/privacy/delete-pending-files.ts';
import { purgeExpiredData } from '../../../src/domain/privacy/purge-expired-data.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

const DAY = 86_400_000;
const exists = (file: string) => access(file).then(() => true, () => false);

describe('retention purge', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const purge = (over: Partial<Harness['rt']['deps']> = {}) => purgeExpiredData({ ...h.rt.deps, clock: fixedClock(now), ...over }, { batchSize: 2 });

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const fileOf = (key: string) => path.resolve(h.rt.config.DATA_DIR, 'attachments', key.slice(0, 2), key.slice(2, 4), key);

  it('admins read and change the settings; bad values are refused with the reason', async () => {
    expect((await h.api(ada, 'GET', '/api/privacy/retention')).status).toBe(403);
    expect((await h.api(admin, 'GET', '/api/privacy/retention')).body).toEqual({ rawPayloadDays: 30, rejectedWebhookDays: 14, expiredSessionDays: 30, visitorDays: 180, resolvedConversationDays: null });
    const bad = await h.api(admin, 'PUT', '/api/privacy/retention', { rawPayloadDays: 0, rejectedWebhookDays: 14, expiredSessionDays: 30, visitorDays: 180, resolvedConversationDays: null });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body.error)).toContain('At least 1 day');
    expect((await h.api(ada, 'PUT', '/api/privacy/retention', { rawPayloadDays: 5, rejectedWebhookDays: 14, expiredSessionDays: 30, visitorDays: 180, resolvedConversationDays: null })).status).toBe(403);
    expect(await h.testDb.db.retentionSettings.count()).toBe(0);
  });

  it('purges old payloads, rejected webhooks, expired sessions and idle visitors in batches, keeping the rest', async () => {
    const ws = h.workspace.workspace.id;
    const channelId = h.workspace.channels[0]!.id;
    const event = (status: 'processed' | 'ignored' | 'failed' | 'rejected', days: number) =>
      h.testDb.db.inboundEvent.create({ data: { workspaceId: ws, channelId, externalId: randomUUID(), status, payload: { from: 'someone@example.com' }, raw: Buffer.from('raw'), receivedAt: ago(days) } });
    const oldProcessed = await Promise.all(Array.from({ length: 5 }, () => event('processed', 40)));
    const keep = await Promise.all([event('processed', 10), event('failed', 40), event('rejected', 5)]);
    const gone = [...oldProcessed, await event('ignored', 40), await event('rejected', 20), await event('rejected', 30)];
    const agentId = h.workspace.agents[1]!.id;
    const session = (expiresAt: Date) => h.testDb.db.session.create({ data: { agentId, tokenHash: randomUUID(), expiresAt, createdAt: ago(60) } });
    const [oldSession, recentSession] = await Promise.all([session(ago(40)), session(ago(5))]);
    const visitor = (days: number) => h.testDb.db.webchatVisitor.create({ data: { workspaceId: ws, channelId, tokenHash: randomUUID(), lastSeenAt: ago(days) } });
    const [idle, active] = await Promise.all([visitor(200), visitor(10)]);

    const counts = await purge();
    expect(counts).toMatchObject({ rawPayloads: 6, rejectedWebhooks: 2, sessions: 1, visitors: 1, conversations: 0 });
    expect(await h.testDb.db.inboundEvent.count({ where: { id: { in: gone.map((e) => e.id) } } })).toBe(0);
    expect(await h.testDb.db.inboundEvent.count({ where: { id: { in: keep.map((e) => e.id) } } })).toBe(3);
    expect(await h.testDb.db.session.findMany({ where: { id: { in: [oldSession.id, recentSession.id] } }, select: { id: true } })).toEqual([{ id: recentSession.id }]);
    expect(await h.testDb.db.webchatVisitor.findMany({ where: { id: { in: [idle.id, active.id] } }, select: { id: true } })).toEqual([{ id: active.id }]);
    // Ada's own (current) session is untouched.
    expect((await h.api(ada, 'GET', '/api/me')).status).toBe(200);
  });

  it('removes resolved conversations’ content only after the admin sets days, and keeps the rows', async () => {
    const resolvedAt = async (subject: string, file: string, days: number) => {
      const id = await h.conversationFor(await h.sendCustomerMail({ from: 'old@example.com', subject, text: `${subject} text`, attachments: [{ filename: 'f.txt', content: Buffer.from(file) }] }));
      expect((await h.api(admin, 'POST', `/api/conversations/${id}/status`, { status: 'resolved' })).status).toBe(200);
      await h.testDb.db.conversation.update({ where: { id }, data: { resolvedAt: ago(days) } });
      return id;
    };
    const old = await resolvedAt('Long ago', 'old file', 100);
    const recent = await resolvedAt('Lately', 'recent file', 10);
    const oldKey = (await h.testDb.db.attachment.findFirstOrThrow({ where: { message: { conversationId: old } } })).storageKey!;
    expect(await exists(fileOf(oldKey))).toBe(true);

    expect((await purge()).conversations).toBe(0);
    expect(await h.testDb.db.message.count({ where: { conversationId: old, text: { contains: 'Long ago' } } })).toBe(1);

    const settings = { rawPayloadDays: 30, rejectedWebhookDays: 14, expiredSessionDays: 30, visitorDays: 180, resolvedConversationDays: 90 };
    expect((await h.api(admin, 'PUT', '/api/privacy/retention', settings)).body).toEqual(settings);
    expect(await h.testDb.db.auditEvent.count({ where: { action: 'retention.update' } })).toBe(1);
    const counts = await purge();
    expect(counts).toMatchObject({ conversations: 1, files: 1 });
    const erased = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: old }, include: { messages: { include: { attachments: true } } } });
    expect(erased).toMatchObject({ status: 'resolved', subject: null });
    expect(erased.contentErasedAt).not.toBeNull();
    expect(erased.messages.map((m) => [m.text, m.subject, m.attachments.length])).toEqual([['', null, 0]]);
    expect(await exists(fileOf(oldKey))).toBe(false);
    expect(await h.testDb.db.message.count({ where: { conversationId: recent, text: { contains: 'Lately' } } })).toBe(1);
    expect((await purge()).conversations).toBe(0);
  });

  it('a file whose deletion failed is tried again by the next run', async () => {
    const stored = await h.rt.deps.store.put(Buffer.from('orphaned file'));
    await h.testDb.db.pendingFileDeletion.create({ data: { storageKey: stored.key } });
    const failing = { ...h.rt.deps.store, delete: async () => Promise.reject(new Error('disk unavailable')) };
    expect((await purge({ store: failing })).files).toBe(0);
    expect(await h.testDb.db.pendingFileDeletion.findUniqueOrThrow({ where: { storageKey: stored.key } })).toMatchObject({ attempts: 1, lastError: 'disk unavailable' });
    expect(await exists(fileOf(stored.key))).toBe(true);
    expect((await purge()).files).toBe(1);
    expect(await exists(fileOf(stored.key))).toBe(false);
    expect(await h.testDb.db.pendingFileDeletion.count()).toBe(0);
  });

  it('two overlapping runs over the same files (a late download and the sweep) both finish and delete each file once', async () => {
    const stored = await Promise.all(['one', 'two', 'three'].map((t) => h.rt.deps.store.put(Buffer.from(`overlap ${t}`))));
    await h.testDb.db.pendingFileDeletion.createMany({ data: stored.map((s) => ({ storageKey: s.key })) });
    const keys = stored.map((s) => s.key);
    const runs = await Promise.all([deletePendingFiles(h.rt.deps, { storageKeys: keys }), deletePendingFiles(h.rt.deps, { storageKeys: keys }), deletePendingFiles(h.rt.deps)]);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    for (const key of keys) expect(await exists(fileOf(key))).toBe(false);
    expect(await h.testDb.db.pendingFileDeletion.count()).toBe(0);
  });

  it('runs as a scheduled maintenance job of the cluster', async () => {
    const maintenance = h.rt.deps.queues.raw('maintenance');
    expect((await maintenance.getJobSchedulers()).map((s) => s.key)).toContain('retention');
    await h.testDb.db.inboundEvent.create({ data: { workspaceId: h.workspace.workspace.id, channelId: h.workspace.channels[0]!.id, externalId: randomUUID(), status: 'rejected', receivedAt: ago(400) } });
    await h.rt.deps.queues.enqueue('maintenance', { task: 'retention' });
    const done = await waitUntil(async () => h.completedJobs.find((j) => j.queue === 'maintenance' && (j.result as { rejectedWebhooks?: number } | null)?.rejectedWebhooks === 1), 'the retention job');
    expect(done.result).toMatchObject({ rejectedWebhooks: 1 });
  });
});
