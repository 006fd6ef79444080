// Duplicate suggestions with their reasons (same email or phone, same name with similar
// addresses, a chat visitor's verified email another contact has), for one contact and for the
// workspace, and "not a duplicate" remembered for everyone. Real Postgres (pg_trgm), over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('duplicate contact suggestions', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let ws: string;

  beforeAll(async () => {
    h = await startHarness();
    ws = h.workspace.workspace.id;
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const contact = (data: { name?: string; email?: string; phone?: string; mergedIntoId?: string }) => h.testDb.db.contact.create({ data: { workspaceId: ws, ...data } });
  const reasonsWith = (items: { contact: { id: string }; other: { id: string }; reasons: string[] }[], a: string, b: string) =>
    items.find((i) => (i.contact.id === a && i.other.id === b) || (i.contact.id === b && i.other.id === a))?.reasons ?? null;

  it('names each pair with its reasons, for a contact and for the workspace, and leaves out strangers and merged contacts', async () => {
    const ann = await contact({ name: 'Ann Lee', email: 'ann.lee@example.test', phone: '+351 910 000 001' });
    const sameEmail = await contact({ name: 'A. Lee', email: 'ANN.LEE@example.test' });
    const samePhone = await contact({ name: 'Unknown caller', phone: '+351910000001' });
    const similar = await contact({ name: 'ann lee ', email: 'annlee@mail.test' });
    const stranger = await contact({ name: 'Bob Stone', email: 'bob@example.test', phone: '+44 20 0000 0000' });
    await contact({ name: 'Ann Lee', email: 'ann.lee@example.test', mergedIntoId: stranger.id });

    const own = await h.api(admin, 'GET', `/api/contacts/${ann.id}/duplicates`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((i: { contact: { id: string } }) => i.contact.id)).toEqual([ann.id, ann.id, ann.id]);
    expect(reasonsWith(own.body.items, ann.id, sameEmail.id)).toEqual(['Same email ann.lee@example.test']);
    expect(reasonsWith(own.body.items, ann.id, samePhone.id)).toEqual(['Same phone +351 910 000 001']);
    expect(reasonsWith(own.body.items, ann.id, similar.id)).toEqual(['Same name "Ann Lee" and similar emails ann.lee@example.test and annlee@mail.test']);
    expect(reasonsWith(own.body.items, ann.id, stranger.id)).toBeNull();
    expect((await h.api(admin, 'GET', `/api/contacts/${stranger.id}/duplicates`)).body.items).toEqual([]);

    const all = await h.api(admin, 'GET', '/api/contact-duplicates');
    expect(all.status).toBe(200);
    expect(reasonsWith(all.body.items, ann.id, sameEmail.id)).toEqual(['Same email ann.lee@example.test']);
    expect(reasonsWith(all.body.items, similar.id, ann.id)).not.toBeNull();
    // Each pair once.
    const keys = all.body.items.map((i: { contact: { id: string }; other: { id: string } }) => [i.contact.id, i.other.id].sort().join());
    expect(new Set(keys).size).toBe(keys.length);

    expect((await h.api(ada, 'GET', '/api/contact-duplicates')).status).toBe(403);
    // An agent sees no contact of a conversation they cannot open.
    expect((await h.api(ada, 'GET', `/api/contacts/${ann.id}/duplicates`)).status).toBe(404);
  });

  it("suggests a chat visitor whose verified email is another contact's", async () => {
    const customer = await contact({ name: 'Dana Customer' });
    await h.testDb.db.contactIdentity.create({ data: { workspaceId: ws, contactId: customer.id, channelKind: 'email', address: 'dana@example.test' } });
    const visitor = await contact({ name: 'Dana?' });
    await h.testDb.db.identityClaim.create({ data: { workspaceId: ws, contactId: visitor.id, field: 'email', value: 'Dana@Example.test', channelKind: 'webchat', reason: 'typed into the website chat', status: 'verified', verifiedVia: 'link', verifiedAt: new Date() } });
    const res = await h.api(admin, 'GET', `/api/contacts/${customer.id}/duplicates`);
    expect(res.body.items).toMatchObject([{ contact: { id: customer.id }, other: { id: visitor.id }, reasons: ['Webchat visitor verified Dana@Example.test (link), the email of the other contact'] }]);
  });

  it('remembers "not a duplicate" for everyone, audited', async () => {
    const one = await contact({ name: 'Carla Dias', email: 'carla@example.test' });
    const two = await contact({ name: 'Carla D.', email: 'carla@example.test' });
    expect((await h.api(admin, 'GET', `/api/contacts/${two.id}/duplicates`)).body.items).toHaveLength(1);
    const dismissed = await h.api(admin, 'POST', `/api/contacts/${two.id}/duplicates/dismiss`, { otherId: one.id });
    expect(dismissed.status).toBe(204);
    expect((await h.api(admin, 'GET', `/api/contacts/${two.id}/duplicates`)).body.items).toEqual([]);
    expect((await h.api(admin, 'GET', `/api/contacts/${one.id}/duplicates`)).body.items).toEqual([]);
    expect(reasonsWith((await h.api(admin, 'GET', '/api/contact-duplicates')).body.items, one.id, two.id)).toBeNull();
    // Said twice: still one dismissal.
    expect((await h.api(admin, 'POST', `/api/contacts/${one.id}/duplicates/dismiss`, { otherId: two.id })).status).toBe(204);
    expect(await h.testDb.db.contactDuplicateDismissal.count({ where: { OR: [{ contactAId: one.id }, { contactBId: one.id }] } })).toBe(1);
    const audit = await h.testDb.db.auditEvent.findMany({ where: { action: 'contact.not_duplicate' } });
    expect(audit.map((a) => a.data)).toEqual([{ otherContactId: one.id }, { otherContactId: two.id }]);
    expect((await h.api(admin, 'POST', `/api/contacts/${one.id}/duplicates/dismiss`, { otherId: one.id })).status).toBe(422);
    expect((await h.api(admin, 'POST', `/api/contacts/${one.id}/duplicates/dismiss`, {})).status).toBe(422);
  });

  it('finds a contact to merge with by part of their name, email or phone', async () => {
    const eve = await contact({ name: 'Eve Marsh', email: 'eve.marsh@example.test', phone: '+1 555 0100' });
    for (const q of ['marsh', 'EVE.M', '555 01']) {
      const res = await h.api(admin, 'GET', `/api/contact-search?q=${encodeURIComponent(q)}`);
      expect(res.body.items.map((c: { id: string }) => c.id), q).toEqual([eve.id]);
    }
    expect((await h.api(admin, 'GET', '/api/contact-search?q=')).status).toBe(422);
  });
});
