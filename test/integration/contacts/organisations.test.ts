// Organisations: agents create companies and put contacts in them; the company's page lists the
// contacts the viewer may see and their recent conversations; a company is suggested by email
// domain; nothing crosses workspaces.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedContact } from '../../support/contact-fixtures.ts';

describe('organisations', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let bob: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('creates one, assigns contacts from the panel and shows its contacts and their conversations to those who may see them', async () => {
    const created = await h.api(ada, 'POST', '/api/organisations', { name: 'Globex', domains: ['Globex.com', 'sales@globex.io'], notes: 'Key account' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Globex', domains: ['globex.com', 'globex.io'], notes: 'Key account', contactCount: 0 });
    const org = created.body.id as string;

    const billing = h.workspace.teams.get('Billing')!;
    const gina = await seedContact(h.testDb.db, h, { name: 'Gina', email: 'gina@globex.com' });
    const hank = await seedContact(h.testDb.db, h, { name: 'Hank', email: 'hank@globex.com', teamId: billing });
    const assigned = await h.api(ada, 'PATCH', `/api/contacts/${gina}`, { organisationId: org });
    expect(assigned.status).toBe(200);
    expect(assigned.body.organisation).toEqual({ id: org, name: 'Globex' });
    expect((await h.api(bob, 'PATCH', `/api/contacts/${hank}`, { organisationId: org })).status).toBe(200);

    const forAdmin = await h.api(admin, 'GET', `/api/organisations/${org}`);
    expect(forAdmin.body.contacts.map((c: { name: string }) => c.name).sort()).toEqual(['Gina', 'Hank']);
    expect(forAdmin.body.recentConversations.map((c: { subject: string }) => c.subject).sort()).toEqual(['Gina writes', 'Hank writes']);
    // Ada (Support) cannot see Hank's Billing conversation, so neither him nor it.
    const forAda = await h.api(ada, 'GET', `/api/organisations/${org}`);
    expect(forAda.body.contacts.map((c: { name: string }) => c.name)).toEqual(['Gina']);
    expect(forAda.body.recentConversations.map((c: { subject: string }) => c.subject)).toEqual(['Gina writes']);
    expect(forAda.body.contactCount).toBe(1);
  });

  it('suggests a company by email domain and finds one by name', async () => {
    const byDomain = await h.api(ada, 'GET', '/api/organisations?domain=someone%40GLOBEX.com');
    expect(byDomain.body.items.map((o: { name: string }) => o.name)).toEqual(['Globex']);
    expect((await h.api(ada, 'GET', '/api/organisations?domain=initech.com')).body.items).toEqual([]);
    expect((await h.api(ada, 'GET', '/api/organisations?q=glob')).body.items.map((o: { name: string }) => o.name)).toEqual(['Globex']);
  });

  it('edits a company; deleting one (supervisors) leaves its contacts without a company', async () => {
    const org = (await h.api(ada, 'POST', '/api/organisations', { name: 'Initech' })).body.id as string;
    const ian = await seedContact(h.testDb.db, h, { name: 'Ian', organisationId: org });
    const edited = await h.api(ada, 'PATCH', `/api/organisations/${org}`, { domains: ['initech.com'], attributes: { industry: 'software' } });
    expect(edited.body).toMatchObject({ name: 'Initech', domains: ['initech.com'], attributes: { industry: 'software' }, contactCount: 1 });
    expect((await h.api(ada, 'PATCH', `/api/organisations/${org}`, { domains: ['not a domain'] })).status).toBe(422);
    expect((await h.api(ada, 'DELETE', `/api/organisations/${org}`)).status).toBe(403);
    expect((await h.api(admin, 'DELETE', `/api/organisations/${org}`)).status).toBe(204);
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: ian } })).organisationId).toBeNull();
    expect((await h.api(admin, 'GET', `/api/organisations/${org}`)).status).toBe(404);
  });

  it("never shows or assigns another workspace's company", async () => {
    const other = await h.testDb.db.workspace.create({ data: { name: 'Other', slug: `other-${Date.now()}` } });
    const theirs = await h.testDb.db.organisation.create({ data: { workspaceId: other.id, name: 'Globex Rival', domains: ['globex.com'] } });
    expect((await h.api(admin, 'GET', `/api/organisations/${theirs.id}`)).status).toBe(404);
    expect((await h.api(admin, 'PATCH', `/api/organisations/${theirs.id}`, { name: 'Mine' })).status).toBe(404);
    expect((await h.api(admin, 'GET', '/api/organisations?domain=globex.com')).body.items.map((o: { name: string }) => o.name)).toEqual(['Globex']);
    const jo = await seedContact(h.testDb.db, h, { name: 'Jo' });
    const refused = await h.api(admin, 'PATCH', `/api/contacts/${jo}`, { organisationId: theirs.id });
    expect(refused.status).toBe(422);
    expect(refused.body.error.message).toBe(`organisationId: no organisation ${theirs.id}`);
  });

  it('sets and clears the owner, who must be an active agent of the workspace', async () => {
    const kim = await seedContact(h.testDb.db, h, { name: 'Kim' });
    const adaId = h.workspace.agents[1]!.id;
    const owned = await h.api(ada, 'PATCH', `/api/contacts/${kim}`, { ownerId: adaId });
    expect(owned.body.owner).toEqual({ id: adaId, name: 'Ada Agent' });
    expect((await h.api(ada, 'PATCH', `/api/contacts/${kim}`, { ownerId: 'nobody' })).status).toBe(422);
    expect((await h.api(ada, 'PATCH', `/api/contacts/${kim}`, { ownerId: null })).body.owner).toBeNull();
  });

  it('forgets the company and owner of an erased contact', async () => {
    const org = (await h.api(ada, 'POST', '/api/organisations', { name: 'Erasure Inc' })).body.id as string;
    const lee = await seedContact(h.testDb.db, h, { name: 'Lee', organisationId: org, ownerId: h.workspace.agents[1]!.id });
    expect((await h.api(admin, 'POST', `/api/contacts/${lee}/erase`, { confirm: 'ERASE' })).status).toBe(200);
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: lee } })).toMatchObject({ organisationId: null, ownerId: null });
  });
});
