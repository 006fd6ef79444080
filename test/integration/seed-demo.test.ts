// The demo workspace that `npm start` creates on an empty database is complete and valid, and is
// created only once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/domain/routing/load-workflow.ts';
import { workflowProblems } from '../../src/domain/routing/save-workflow.ts';
import { createLogger } from '../../src/log.ts';
import { createQueues } from '../../src/queues.ts';
import { createProducerRedis } from '../../src/redis.ts';
import { demoAddresses, seedDemo } from '../../src/seed/seed-demo.ts';
import { createTestDb, type TestDb } from '../support/db.ts';
import { testRedisUrl } from '../support/env.ts';
import { testPasswords } from '../support/passwords.ts';

describe('demo seed', () => {
  let t: TestDb;
  const redis = createProducerRedis(testRedisUrl);
  const queues = createQueues(redis, `t-seed-${Date.now()}`);
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(async () => {
    for (const q of ['ingest', 'route', 'sla', 'deliver', 'maintenance'] as const) await queues.raw(q).obliterate({ force: true }).catch(() => undefined);
    await queues.close();
    redis.disconnect();
    await t.drop();
  });

  it('creates logins, an email channel, routing and SLA configuration and demo emails once', async () => {
    const deps = { db: t.db, queues, log: createLogger('silent'), passwords: testPasswords };
    expect(await seedDemo(deps, { password: 'parley-demo', smtpHost: '127.0.0.1', smtpPort: 1025 })).toBe(true);
    expect(await seedDemo(deps, { password: 'parley-demo', smtpHost: '127.0.0.1', smtpPort: 1025 })).toBe(false);
    const ws = await t.db.workspace.findUniqueOrThrow({ where: { slug: 'demo' } });
    const agents = await t.db.agent.findMany({ where: { workspaceId: ws.id }, include: { skills: true } });
    expect(agents.map((a) => a.email).sort()).toEqual([demoAddresses.admin, ...demoAddresses.agents].sort());
    expect(agents.find((a) => a.email === demoAddresses.agents[0])?.skills.length).toBeGreaterThan(0);
    // One password for all three, hashed once (a hash takes ~0.2 s at OWASP's parameters).
    expect(new Set(agents.map((a) => a.passwordHash)).size).toBe(1);
    const { workflow, version } = await loadWorkflow(t.db, ws.id);
    expect(version).toBe(1);
    expect(await workflowProblems(t.db, ws.id, workflow)).toEqual([]);
    expect((await t.db.slaPolicy.findMany({ where: { workspaceId: ws.id }, orderBy: { position: 'asc' } })).map((p) => p.name)).toEqual(['Complaints', 'Standard email']);
    expect(await t.db.statusDefinition.count({ where: { workspaceId: ws.id } })).toBe(4);
    expect(await t.db.inboundEvent.count({ where: { workspaceId: ws.id, status: 'received' } })).toBe(4);
    const articles = await t.db.knowledgeArticle.findMany({ where: { workspaceId: ws.id }, orderBy: { title: 'asc' } });
    expect(articles.map((a) => [a.language, a.state])).toEqual([['en', 'in_review'], ['en', 'published'], ['en', 'published'], ['ru', 'published'], ['zh', 'published']]);
  });
});
