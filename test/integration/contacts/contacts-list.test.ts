// The contacts list: search by name, email, phone or any channel address; filters (stage, tier,
// tag, attribute value, owner, company, channel, last contact dates) that combine; keyset pages;
// contact visibility and workspace isolation; saved views, private or shared.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedContact } from '../../support/contact-fixtures.ts';

type Page = { items: { id: string; name: string; channels: string[]; lastContactAt: string; owner: { id: string } | null }[]; next: string | null };

describe('the contacts list', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let bob: string;
  let adaId: string;
  let acme: string;
  const names = async (token: string, query: string) => {
    const res = await h.api<Page>(token, 'GET', `/api/contacts${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.items.map((c) => c.name);
  };
  const day = (d: string) => new Date(`${d}T12:00:00Z`);

  beforeAll(async () => {
    h = await startHarness({ channels: [{ kind: 'sms', name: 'Texts', address: '+15550001111', settings: {} }] });
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    bob = await h.login(h.workspace.agents[2]!.email);
    adaId = h.workspace.agents[1]!.id;
    const db = h.testDb.db;
    const ws = h.workspace.workspace.id;
    await db.attributeDefinition.createMany({ data: [{ workspaceId: ws, key: 'plan', label: 'Plan', type: 'choice', options: ['free', 'pro'] }, { workspaceId: ws, key: 'seats', label: 'Seats', type: 'number' }] });
    acme = (await db.organisation.create({ data: { workspaceId: ws, name: 'Acme Corp' } })).id;
    const billing = h.workspace.teams.get('Billing')!;
    const sms = h.workspace.channels[1]!.id;
    await seedContact(db, h, { name: 'Anna Alpha', email: 'anna@alpha.test', stage: 'purchase', tier: 'gold', tags: ['vip'], attributes: { plan: 'pro', seats: 10 }, ownerId: adaId, organisationId: acme, lastMessageAt: day('2026-11-01') });
    await seedContact(db, h, { name: 'Ben Beta', email: 'ben@beta.test', stage: 'interest', tier: 'silver', attributes: { plan: 'free', seats: 1 }, lastMessageAt: day('2026-11-10') });
    await seedContact(db, h, { name: 'Cleo Gamma', phone: '+15557654321', channelKind: 'sms', address: '+15557654321', stage: 'purchase', tags: ['vip', 'late'], lastMessageAt: day('2026-11-20') }, undefined, sms);
    await seedContact(db, h, { name: 'Dan Delta', email: 'dan@delta.test', stage: 'loyalty', teamId: billing, ownerId: adaId, lastMessageAt: day('2026-11-25') });
    await seedContact(db, h, { name: 'Eli Eps', address: 'eli-handle@chat.test', lastMessageAt: day('2026-11-30') });
    // Another workspace's contact that matches every search.
    const other = await db.workspace.create({ data: { name: 'Other', slug: `other-${Date.now()}` } });
    const otherChannel = await db.channel.create({ data: { workspaceId: other.id, kind: 'email', name: 'O', address: 'o@other.test', settings: {} } });
    await seedContact(db, h, { name: 'Anna Other', email: 'anna@alpha.test', stage: 'purchase', lastMessageAt: day('2026-12-01') }, other.id, otherChannel.id);
    // A contact merged into another never shows.
    const merged = await seedContact(db, h, { name: 'Anna Merged', lastMessageAt: day('2026-12-02') });
    await db.contact.update({ where: { id: merged }, data: { mergedIntoId: (await db.contact.findFirstOrThrow({ where: { name: 'Anna Alpha' } })).id } });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists newest contact first, only this workspace, without merged-away contacts', async () => {
    expect(await names(admin, '')).toEqual(['Eli Eps', 'Dan Delta', 'Cleo Gamma', 'Ben Beta', 'Anna Alpha']);
  });

  it('searches name, email, phone and channel addresses', async () => {
    expect(await names(admin, '?q=anna')).toEqual(['Anna Alpha']);
    expect(await names(admin, '?q=beta.test')).toEqual(['Ben Beta']);
    expect(await names(admin, '?q=7654321')).toEqual(['Cleo Gamma']);
    expect(await names(admin, '?q=eli-handle')).toEqual(['Eli Eps']);
    expect(await names(admin, '?q=100%25')).toEqual([]);
  });

  it('filters by stage, tier, tag, attribute, owner, company, channel and last contact, combined', async () => {
    expect(await names(admin, '?stage=purchase')).toEqual(['Cleo Gamma', 'Anna Alpha']);
    expect(await names(admin, '?stage=none')).toEqual(['Eli Eps']);
    expect(await names(admin, '?tier=silver')).toEqual(['Ben Beta']);
    expect(await names(admin, '?tag=vip')).toEqual(['Cleo Gamma', 'Anna Alpha']);
    expect(await names(admin, '?attrKey=plan&attrValue=pro')).toEqual(['Anna Alpha']);
    expect(await names(admin, '?attrKey=seats&attrValue=1')).toEqual(['Ben Beta']);
    expect(await names(admin, `?ownerId=${adaId}`)).toEqual(['Dan Delta', 'Anna Alpha']);
    expect(await names(ada, '?ownerId=me')).toEqual(['Anna Alpha']);
    expect(await names(admin, '?ownerId=none')).toEqual(['Eli Eps', 'Cleo Gamma', 'Ben Beta']);
    expect(await names(admin, `?organisationId=${acme}`)).toEqual(['Anna Alpha']);
    expect(await names(admin, '?channel=sms')).toEqual(['Cleo Gamma']);
    expect(await names(admin, '?lastContactFrom=2026-11-10&lastContactTo=2026-11-25')).toEqual(['Dan Delta', 'Cleo Gamma', 'Ben Beta']);
    expect(await names(admin, '?lastContactTo=2026-11-09')).toEqual(['Anna Alpha']);
    expect(await names(admin, '?stage=purchase&tag=vip&channel=email')).toEqual(['Anna Alpha']);
  });

  it('refuses filters it cannot apply with a clear 4xx', async () => {
    const unknown = await h.api(admin, 'GET', '/api/contacts?attrKey=colour&attrValue=blue');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('attrKey: "colour" is not a defined attribute');
    expect((await h.api(admin, 'GET', '/api/contacts?attrKey=seats&attrValue=many')).status).toBe(400);
    expect((await h.api(admin, 'GET', '/api/contacts?attrKey=plan')).status).toBe(422);
    expect((await h.api(admin, 'GET', '/api/contacts?lastContactFrom=yesterday')).status).toBe(422);
    expect((await h.api(admin, 'GET', '/api/contacts?cursor=garbage')).status).toBe(400);
  });

  it('pages with a keyset cursor: every contact once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: Page } = await h.api<Page>(admin, 'GET', `/api/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c) => c.name));
      cursor = res.body.next;
    } while (cursor);
    expect(seen).toEqual(['Eli Eps', 'Dan Delta', 'Cleo Gamma', 'Ben Beta', 'Anna Alpha']);
  });

  it('shows an agent only the contacts of conversations they may see', async () => {
    // Dan's conversation belongs to Billing: Bob (Billing) sees him, Ada (Support) does not.
    expect(await names(ada, '')).toEqual(['Eli Eps', 'Cleo Gamma', 'Ben Beta', 'Anna Alpha']);
    expect(await names(bob, '?stage=loyalty')).toEqual(['Dan Delta']);
    expect(await names(ada, '?stage=loyalty')).toEqual([]);
  });

  it('keeps "last contact" up to date as conversations get messages', async () => {
    const ben = await h.testDb.db.contact.findFirstOrThrow({ where: { name: 'Ben Beta' } });
    await h.testDb.db.conversation.updateMany({ where: { contactId: ben.id }, data: { lastMessageAt: day('2026-12-03') } });
    expect((await h.testDb.db.contact.findUniqueOrThrow({ where: { id: ben.id } })).lastContactAt).toEqual(day('2026-12-03'));
    expect((await names(admin, ''))[0]).toBe('Ben Beta');
    await h.testDb.db.conversation.updateMany({ where: { contactId: ben.id }, data: { lastMessageAt: day('2026-11-10') } });
  });

  it('saves views per agent, shares them with the workspace on request, and lets only their owner change them', async () => {
    const mine = await h.api(ada, 'POST', '/api/contact-views', { name: 'VIP buyers', filters: { stage: 'purchase', tag: 'vip' } });
    expect(mine.status).toBe(201);
    expect(mine.body).toMatchObject({ name: 'VIP buyers', shared: false, mine: true, filters: { stage: 'purchase', tag: 'vip' } });
    const shared = await h.api(ada, 'POST', '/api/contact-views', { name: 'Pro plans', shared: true, filters: { attrKey: 'plan', attrValue: 'pro' } });
    expect(shared.status).toBe(201);

    expect((await h.api(ada, 'GET', '/api/contact-views')).body.items.map((v: { name: string }) => v.name)).toEqual(['Pro plans', 'VIP buyers']);
    const bobs = (await h.api(bob, 'GET', '/api/contact-views')).body.items;
    expect(bobs.map((v: { name: string; mine: boolean }) => [v.name, v.mine])).toEqual([['Pro plans', false]]);

    const filters = new URLSearchParams(mine.body.filters).toString();
    expect(await names(ada, `?${filters}`)).toEqual(['Cleo Gamma', 'Anna Alpha']);

    expect((await h.api(bob, 'PATCH', `/api/contact-views/${shared.body.id}`, { name: 'Mine now' })).status).toBe(403);
    expect((await h.api(bob, 'DELETE', `/api/contact-views/${mine.body.id}`)).status).toBe(404);
    const renamed = await h.api(ada, 'PATCH', `/api/contact-views/${mine.body.id}`, { name: 'VIPs who bought', shared: true });
    expect(renamed.body).toMatchObject({ name: 'VIPs who bought', shared: true });
    expect((await h.api(ada, 'DELETE', `/api/contact-views/${shared.body.id}`)).status).toBe(204);
    expect((await h.api(bob, 'GET', '/api/contact-views')).body.items.map((v: { name: string }) => v.name)).toEqual(['VIPs who bought']);
  });

  it('refuses a view whose filters name something of another workspace, or that are not filters', async () => {
    const other = await h.testDb.db.workspace.create({ data: { name: 'Other 2', slug: `other2-${Date.now()}` } });
    const theirs = await h.testDb.db.organisation.create({ data: { workspaceId: other.id, name: 'Theirs' } });
    const res = await h.api(ada, 'POST', '/api/contact-views', { name: 'Sneaky', filters: { organisationId: theirs.id } });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe(`filters.organisationId: no organisation ${theirs.id}`);
    expect((await h.api(ada, 'POST', '/api/contact-views', { name: 'Bad', filters: { colour: 'blue' } })).status).toBe(422);
    expect(await h.testDb.db.savedContactView.count({ where: { name: { in: ['Sneaky', 'Bad'] } } })).toBe(0);
  });
});
