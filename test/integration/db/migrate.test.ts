// The migration runner against real Postgres: it must record migrations exactly as Prisma's
// `migrate deploy` does, and the SQL must match schema.prisma.
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../../src/db/client.ts';
import { syncChannelKindChecks } from '../../../src/db/channel-kind-check.ts';
import { defaultMigrationsDir, ensureDatabase, migrate, MigrationError, readMigrations } from '../../../src/db/migrate.ts';
import { channelKinds } from '../../../channels/registry.ts';
import { dbUrl, testDbPrefix } from '../../support/env.ts';

const created: string[] = [];
const freshDbUrl = async () => {
  const name = `${testDbPrefix}${Math.floor(Date.now() / 1000)}_mig_${randomBytes(4).toString('hex')}`;
  created.push(name);
  const url = dbUrl(name);
  await ensureDatabase(url);
  return url;
};
const query = async <T extends pg.QueryResultRow>(url: string, sql: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
};

describe('migrate', () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'parley-mig-'));
  });
  afterAll(async () => {
    for (const name of created) await query(dbUrl('postgres'), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await rm(tmp, { recursive: true, force: true });
  });

  it('records every migration in _prisma_migrations as Prisma does, and applies nothing twice', async () => {
    const url = await freshDbUrl();
    const files = await readMigrations();
    expect(files.length).toBeGreaterThan(0);
    const first = await migrate(url);
    expect(first.applied).toEqual(files.map((f) => f.name));
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    for (const [i, f] of files.entries()) {
      const sql = await readFile(path.join(defaultMigrationsDir, f.name, 'migration.sql'));
      expect(rows[i]).toMatchObject({ migration_name: f.name, checksum: createHash('sha256').update(sql).digest('hex'), applied_steps_count: 1, rolled_back_at: null });
      expect(rows[i]!.finished_at).toBeInstanceOf(Date);
    }
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((f) => f.name));
  });

  it('matches schema.prisma: every model can be read and written through the Prisma client', async () => {
    const url = await freshDbUrl();
    await migrate(url);
    const db = createDb(url);
    try {
      const models = ['workspace', 'agent', 'session', 'team', 'teamMember', 'skill', 'agentSkill', 'contact', 'contactIdentity', 'channel', 'conversation', 'message', 'attachment', 'inboundEvent', 'auditEvent', 'queue', 'routingWorkflow', 'businessCalendar', 'slaPolicy', 'slaClock', 'slaBreach', 'statusDefinition', 'cannedResponse', 'conversationRead', 'notification', 'webchatVisitor', 'conversationEvent', 'inboundReview', 'agentToken', 'task', 'macro', 'knowledgeCategory', 'knowledgeArticle', 'webhookEndpoint', 'webhookDelivery', 'lifecycleStage', 'attributeDefinition', 'organisation', 'savedContactView', 'contactMerge', 'contactDuplicateDismissal', 'csatSurvey', 'agentPresenceChange', 'reportSettings', 'responseWait', 'agentLoad'] as const;
      for (const m of models) {
        // findFirst selects every scalar column: a column missing from the SQL fails here.
        await expect((db[m] as unknown as { findFirst(): Promise<unknown> }).findFirst()).resolves.toBeNull();
      }
      const ws = await db.workspace.create({ data: { name: 'W', slug: 'w' } });
      const channel = await db.channel.create({ data: { workspaceId: ws.id, kind: 'email', name: 'E', address: 'e@x' } });
      const org = await db.organisation.create({ data: { workspaceId: ws.id, name: 'Acme', domains: ['acme.com'], attributes: { size: 5 } } });
      const owner = await db.agent.create({ data: { workspaceId: ws.id, email: 'o@x', name: 'O', role: 'agent' } });
      const contact = await db.contact.create({ data: { workspaceId: ws.id, attributes: { tier: 'gold' }, organisationId: org.id, ownerId: owner.id } });
      await db.lifecycleStage.create({ data: { workspaceId: ws.id, name: 'lead', position: 0 } });
      await db.attributeDefinition.create({ data: { workspaceId: ws.id, key: 'plan', label: 'Plan', type: 'choice', options: ['a', 'b'], required: true } });
      await db.savedContactView.create({ data: { workspaceId: ws.id, agentId: owner.id, name: 'V', shared: true, filters: { stage: 'lead' } } });
      const conv = await db.conversation.create({ data: { workspaceId: ws.id, number: 1, channelId: channel.id, contactId: contact.id, priority: 'urgent', status: 'snoozed' } });
      const msg = await db.message.create({ data: { workspaceId: ws.id, conversationId: conv.id, channelId: channel.id, direction: 'in', kind: 'bounce', references: ['<a>', '<b>'], deliveryStatus: 'read' } });
      expect(msg.references).toEqual(['<a>', '<b>']);
      const ev = await db.inboundEvent.create({ data: { workspaceId: ws.id, channelId: channel.id, externalId: 'x', raw: new Uint8Array([0, 1, 2]), payload: { a: 1 } } });
      expect(Buffer.from(ev.raw!)).toEqual(Buffer.from([0, 1, 2]));
      const author = await db.agent.create({ data: { workspaceId: ws.id, email: 'a@w', name: 'A' } });
      const category = await db.knowledgeCategory.create({ data: { workspaceId: ws.id, name: 'Billing', slug: 'billing' } });
      const article = await db.knowledgeArticle.create({ data: { workspaceId: ws.id, categoryId: category.id, title: 'T', slug: 't', body: 'B', language: 'en', state: 'in_review', authorId: author.id, titleTerms: '退 退款' } });
      expect(await db.knowledgeArticle.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({ state: 'in_review', titleTerms: '退 退款', categoryId: category.id });
      const hook = await db.webhookEndpoint.create({ data: { workspaceId: ws.id, url: 'https://x.test/h', events: ['message.created', 'contact.merged'], secret: 'whsec_x' } });
      expect(hook.events).toEqual(['message.created', 'contact.merged']);
      const delivery = await db.webhookDelivery.create({ data: { workspaceId: ws.id, endpointId: hook.id, eventId: 'e1', eventType: 'message.created', payload: { id: 'e1' }, lastStatusCode: 503 } });
      expect(delivery).toMatchObject({ status: 'pending', attempts: 0, runStartAttempts: 0, lastStatusCode: 503 });
      await expect(db.webhookDelivery.update({ where: { id: delivery.id }, data: { status: 'lost' } })).rejects.toThrow();
      // Deleting an endpoint takes its delivery log with it.
      await db.webhookEndpoint.delete({ where: { id: hook.id } });
      expect(await db.webhookDelivery.count()).toBe(0);
      const other = await db.contact.create({ data: { workspaceId: ws.id } });
      const merge = await db.contactMerge.create({ data: { workspaceId: ws.id, survivorId: contact.id, mergedId: other.id, reason: 'r', snapshot: { survivor: { id: contact.id } }, moved: [{ table: 'Conversation', column: 'contactId', ids: [conv.id] }] } });
      expect(merge).toMatchObject({ choices: {}, undoneAt: null, actorAgentId: null });
      const dismissal = await db.contactDuplicateDismissal.create({ data: { workspaceId: ws.id, contactAId: contact.id, contactBId: other.id } });
      expect(dismissal.agentId).toBeNull();
      const agent = await db.agent.create({ data: { workspaceId: ws.id, email: 'a@x', name: 'A' } });
      const survey = await db.csatSurvey.create({ data: { workspaceId: ws.id, conversationId: conv.id, contactId: contact.id, agentId: agent.id, channelId: conv.channelId, channelKind: 'email', style: 'link', status: 'answered', resolvedAt: new Date(), scheduledFor: new Date(), score: 4, comment: 'ok', sentAt: new Date(), answeredAt: new Date() } });
      expect(survey.score).toBe(4);
      expect((await db.agentPresenceChange.create({ data: { workspaceId: ws.id, agentId: agent.id, presence: 'away', at: new Date() } })).presence).toBe('away');
      const settings = await db.reportSettings.create({ data: { workspaceId: ws.id, thresholds: { csat: { green: 80, amber: 60 } } } });
      expect(settings.complaintTags).toEqual(['complaint']);
      expect(settings.complaintPolicyIds).toEqual([]);
      const wait = await db.responseWait.create({ data: { workspaceId: ws.id, conversationId: conv.id, messageId: msg.id, agentId: agent.id, waitedFrom: new Date(1000), answeredAt: new Date(2000) } });
      expect(wait.answeredAt.getTime()).toBe(2000);
    } finally {
      await db.$disconnect();
    }
  });

  it('keeps the channel-kind columns to the kinds the registry lists, with no migration per kind', async () => {
    const url = await freshDbUrl();
    await migrate(url);
    const checks = await query<{ conname: string; def: string }>(url, `SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname ILIKE '%kind_check'`);
    expect(checks.map((c) => c.conname).sort()).toEqual(['ContactIdentity_channelKind_check', 'Channel_kind_check'].sort());
    for (const c of checks) for (const kind of channelKinds) expect(c.def).toContain(`'${kind}'`);
    const ws = await query<{ id: string }>(url, `INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('w1', 'W', 'w', now()) RETURNING id`);
    await expect(query(url, `INSERT INTO "Channel" (id, "workspaceId", kind, name, address, "updatedAt") VALUES ('c1', '${ws[0]!.id}', 'pigeon', 'P', 'p', now())`)).rejects.toThrow(/Channel_kind_check/);

    // A registry with one kind more: the check follows it at the next migration, and only changes when it must.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      expect(await syncChannelKindChecks(client, [...channelKinds, 'pigeon'])).toEqual(['Channel_kind_check', 'ContactIdentity_channelKind_check']);
      expect(await syncChannelKindChecks(client, [...channelKinds, 'pigeon'])).toEqual([]);
    } finally {
      await client.end();
    }
    await query(url, `INSERT INTO "Channel" (id, "workspaceId", kind, name, address, "updatedAt") VALUES ('c1', 'w1', 'pigeon', 'P', 'p', now())`);
    // Rows of a kind the registry dropped stay; new ones are refused.
    await migrate(url);
    expect(await query(url, `SELECT kind FROM "Channel"`)).toEqual([{ kind: 'pigeon' }]);
    await expect(query(url, `INSERT INTO "Channel" (id, "workspaceId", kind, name, address, "updatedAt") VALUES ('c2', 'w1', 'pigeon', 'P', 'q', now())`)).rejects.toThrow(/Channel_kind_check/);
  });

  it('refuses a migration that was edited after it was applied', async () => {
    const url = await freshDbUrl();
    const dir = path.join(tmp, 'edited');
    await cp(defaultMigrationsDir, dir, { recursive: true });
    await migrate(url, dir);
    const [first] = await readMigrations(dir);
    await writeFile(path.join(dir, first!.name, 'migration.sql'), `${first!.sql}\n-- edited\n`);
    await expect(migrate(url, dir)).rejects.toThrow(/edited after it was applied/);
  });

  it('records a failing migration with its error and blocks later runs until it is resolved', async () => {
    const url = await freshDbUrl();
    const dir = path.join(tmp, 'failing');
    await cp(defaultMigrationsDir, dir, { recursive: true });
    await mkdir(path.join(dir, '29990101000000_broken'));
    await writeFile(path.join(dir, '29990101000000_broken', 'migration.sql'), 'CREATE TABLE "Ok" (id int);\nSELECT * FROM "NoSuchTable";\n');
    await expect(migrate(url, dir)).rejects.toBeInstanceOf(MigrationError);
    const rows = await query<{ finished_at: Date | null; logs: string | null }>(url, `SELECT finished_at, logs FROM "_prisma_migrations" WHERE migration_name = '29990101000000_broken'`);
    expect(rows[0]!.finished_at).toBeNull();
    expect(rows[0]!.logs).toContain('NoSuchTable');
    // The failed migration's statements were rolled back together.
    expect(await query(url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'Ok'`)).toHaveLength(0);
    await expect(migrate(url, dir)).rejects.toThrow(/failed earlier/);
  });

  it('lets concurrent boots migrate the same database once', async () => {
    const url = await freshDbUrl();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.reduce((n, r) => n + r.applied.length, 0)).toBe((await readMigrations()).length);
  });
});
