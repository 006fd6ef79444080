// Lifecycle stages: a workspace starts with the five defaults; admins add, rename (contacts
// follow), reorder and remove a stage, and removing one in use asks where its contacts go.
// A contact's stage must be one of the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedContact } from '../../support/contact-fixtures.ts';

type Stage = { id: string; name: string; position: number; contactCount: number };

describe('lifecycle stages', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  const stages = async (token: string) => (await h.api<{ items: Stage[] }>(token, 'GET', '/api/lifecycle-stages')).body.items;
  const byName = async (name: string) => (await stages(admin)).find((s) => s.name === name)!;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('starts a new workspace with attraction, interest, evaluation, purchase and loyalty, readable by every agent', async () => {
    expect((await stages(ada)).map((s) => s.name)).toEqual(['attraction', 'interest', 'evaluation', 'purchase', 'loyalty']);
  });

  it('adds, renames and reorders; a rename moves its contacts along; only admins may', async () => {
    const carl = await seedContact(h.testDb.db, h, { name: 'Carl', stage: 'interest' });
    const added = await h.api<{ items: Stage[] }>(admin, 'POST', '/api/lifecycle-stages', { name: 'churned' });
    expect(added.status).toBe(201);
    expect(added.body.items.map((s) => s.name)).toEqual(['attraction', 'interest', 'evaluation', 'purchase', 'loyalty', 'churned']);
    const atStart = await h.api<{ items: Stage[] }>(admin, 'POST', '/api/lifecycle-stages', { name: 'lead', position: 0 });
    expect(atStart.body.items.map((s) => s.name).slice(0, 2)).toEqual(['lead', 'attraction']);
    expect((await h.api(admin, 'POST', '/api/lifecycle-stages', { name: 'lead' })).status).toBe(409);
    expect((await h.api(ada, 'POST', '/api/lifecycle-stages', { name: 'sneaky' })).status).toBe(403);

    const interest = await byName('interest');
    expect(interest.contactCount).toBe(1);
    const renamed = await h.api<{ items: Stage[] }>(admin, 'PATCH', `/api/lifecycle-stages/${interest.id}`, { name: 'considering' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.items.find((s) => s.id === interest.id)).toMatchObject({ name: 'considering', contactCount: 1 });
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: carl } })).lifecycleStage).toBe('considering');

    const ids = (await stages(admin)).map((s) => s.id).reverse();
    const reordered = await h.api<{ items: Stage[] }>(admin, 'PUT', '/api/lifecycle-stages/order', { ids });
    expect(reordered.status).toBe(200);
    expect(reordered.body.items.map((s) => s.id)).toEqual(ids);
    expect(reordered.body.items.map((s) => s.position)).toEqual(ids.map((_, i) => i));
    const missingOne = await h.api(admin, 'PUT', '/api/lifecycle-stages/order', { ids: ids.slice(1) });
    expect(missingOne.status).toBe(400);
    expect(missingOne.body.error.message).toContain('ids');
  });

  it('removes a stage in use only once told where its contacts go (another stage, or none)', async () => {
    const dora = await seedContact(h.testDb.db, h, { name: 'Dora', stage: 'evaluation' });
    const eve = await seedContact(h.testDb.db, h, { name: 'Eve', stage: 'churned' });
    const evaluation = await byName('evaluation');
    const purchase = await byName('purchase');

    const asked = await h.api(admin, 'DELETE', `/api/lifecycle-stages/${evaluation.id}`);
    expect(asked.status).toBe(409);
    expect(asked.body.error.message).toContain('1 contact is in "evaluation"');
    expect((await stages(admin)).some((s) => s.id === evaluation.id)).toBe(true);

    const moved = await h.api<{ items: Stage[] }>(admin, 'DELETE', `/api/lifecycle-stages/${evaluation.id}?moveTo=${purchase.id}`);
    expect(moved.status).toBe(200);
    expect(moved.body.items.some((s) => s.name === 'evaluation')).toBe(false);
    expect(moved.body.items.map((s) => s.position)).toEqual(moved.body.items.map((_, i) => i));
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: dora } })).lifecycleStage).toBe('purchase');

    const churned = await byName('churned');
    expect((await h.api(admin, 'DELETE', `/api/lifecycle-stages/${churned.id}?moveTo=${churned.id}`)).status).toBe(400);
    expect((await h.api(admin, 'DELETE', `/api/lifecycle-stages/${churned.id}?moveTo=none`)).status).toBe(200);
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: eve } })).lifecycleStage).toBeNull();

    const unused = await byName('lead');
    expect((await h.api(admin, 'DELETE', `/api/lifecycle-stages/${unused.id}`)).status).toBe(200);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: evaluation.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.data])).toEqual([['lifecycle_stage.delete', { name: 'evaluation', movedTo: 'purchase', contacts: 1 }]]);
  });

  it("refuses a contact's stage outside the list, naming the field", async () => {
    const frank = await seedContact(h.testDb.db, h, { name: 'Frank' });
    const bad = await h.api(admin, 'PATCH', `/api/contacts/${frank}`, { lifecycleStage: 'customer' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^lifecycleStage: "customer" is not one of this workspace's stages/);
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: frank } })).lifecycleStage).toBeNull();
    const ok = await h.api(admin, 'PATCH', `/api/contacts/${frank}`, { lifecycleStage: 'loyalty' });
    expect(ok.status).toBe(200);
    expect(ok.body.lifecycleStage).toBe('loyalty');
  });

  it("keeps each workspace's stages its own", async () => {
    const other = await h.testDb.db.workspace.create({ data: { name: 'Other', slug: `other-${Date.now()}` } });
    const theirs = await h.testDb.db.lifecycleStage.create({ data: { workspaceId: other.id, name: 'theirs', position: 0 } });
    expect((await h.api(admin, 'PATCH', `/api/lifecycle-stages/${theirs.id}`, { name: 'mine now' })).status).toBe(404);
    expect((await h.api(admin, 'DELETE', `/api/lifecycle-stages/${theirs.id}`)).status).toBe(404);
    const mine = await byName('loyalty');
    expect((await h.api(admin, 'DELETE', `/api/lifecycle-stages/${mine.id}?moveTo=${theirs.id}`)).status).toBe(404);
    expect((await stages(admin)).some((s) => s.name === 'theirs')).toBe(false);
  });
});
