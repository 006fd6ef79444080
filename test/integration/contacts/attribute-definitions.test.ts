// Typed custom attributes: admins define them; every write of a contact's attributes is checked
// against the definitions (type, options, required, unknown keys) with a 400 naming the field, and
// a refused write changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../../support/harness.ts';
import { seedContact } from '../../support/contact-fixtures.ts';

describe('custom attribute definitions', () => {
  let h: Harness;
  let admin: string;
  let ada: string;
  let contactId: string;
  const patch = (attributes: Record<string, unknown>) => h.api(ada, 'PATCH', `/api/contacts/${contactId}`, { attributes });
  const stored = async () => (await h.testDb.db.contact.findUniqueOrThrow({ where: { id: contactId } })).attributes;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    ada = await h.login(h.workspace.agents[1]!.email);
    contactId = await seedContact(h.testDb.db, h, { name: 'Carla', email: 'carla@example.com', attributes: { legacy_note: 'from before' } });
    for (const d of [
      { key: 'plan', label: 'Plan', type: 'choice', options: ['free', 'pro', 'enterprise'] },
      { key: 'seats', label: 'Seats', type: 'number' },
      { key: 'renewal', label: 'Renewal date', type: 'date' },
      { key: 'account_manager', label: 'Account manager', type: 'text' },
    ]) {
      expect((await h.api(admin, 'POST', '/api/attribute-definitions', d)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists the definitions to every agent; only admins define, keys are unique, choices need options', async () => {
    const list = await h.api(ada, 'GET', '/api/attribute-definitions');
    expect(list.body.items.map((d: { key: string; type: string }) => `${d.key}:${d.type}`)).toEqual(['plan:choice', 'seats:number', 'renewal:date', 'account_manager:text']);
    expect((await h.api(ada, 'POST', '/api/attribute-definitions', { key: 'x', label: 'X', type: 'text' })).status).toBe(403);
    expect((await h.api(admin, 'POST', '/api/attribute-definitions', { key: 'seats', label: 'Seats again', type: 'number' })).status).toBe(409);
    const noOptions = await h.api(admin, 'POST', '/api/attribute-definitions', { key: 'size', label: 'Size', type: 'choice' });
    expect(noOptions.status).toBe(400);
    expect(noOptions.body.error.message).toContain('options');
    expect((await h.api(admin, 'POST', '/api/attribute-definitions', { key: 'Bad Key', label: 'B', type: 'text' })).status).toBe(422);
  });

  it('stores values of the right type, and keeps a value it had from before definitions unchanged', async () => {
    const res = await patch({ plan: 'pro', seats: 12, renewal: '2027-03-31', account_manager: 'Ada', legacy_note: 'from before' });
    expect(res.status).toBe(200);
    expect(res.body.attributes).toEqual({ plan: 'pro', seats: 12, renewal: '2027-03-31', account_manager: 'Ada', legacy_note: 'from before' });
    const unset = await patch({ plan: 'pro', seats: null });
    expect(unset.body.attributes).toEqual({ plan: 'pro' });
  });

  it.each([
    ['a number that is not one', { seats: 'twelve' }, 'attributes.seats: Seats must be a number'],
    ['a date that is not a date', { renewal: '2027-02-30' }, 'attributes.renewal: Renewal date must be a date (YYYY-MM-DD)'],
    ['a date in another format', { renewal: '31/03/2027' }, 'attributes.renewal: Renewal date must be a date (YYYY-MM-DD)'],
    ['a choice outside its options', { plan: 'platinum' }, 'attributes.plan: Plan must be one of: free, pro, enterprise'],
    ['text given as a number', { account_manager: 7 }, 'attributes.account_manager: Account manager must be text'],
    ['a key with no definition', { favourite_colour: 'blue' }, 'attributes.favourite_colour: "favourite_colour" is not a defined attribute'],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_what, attributes, message) => {
    const before = await stored();
    const res = await patch(attributes);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toBe(message);
    expect(await stored()).toEqual(before);
  });

  it('asks for a required attribute once it is required, and removing a definition removes its values', async () => {
    const seats = (await h.api(admin, 'GET', '/api/attribute-definitions')).body.items.find((d: { key: string }) => d.key === 'seats');
    expect((await h.api(admin, 'PATCH', `/api/attribute-definitions/${seats.id}`, { required: true })).status).toBe(200);
    const missing = await patch({ plan: 'free' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('attributes.seats: Seats is required');
    expect((await patch({ plan: 'free', seats: 3 })).status).toBe(200);

    expect((await h.api(admin, 'DELETE', `/api/attribute-definitions/${seats.id}`)).status).toBe(204);
    expect(await stored()).toEqual({ plan: 'free' });
    expect((await patch({ plan: 'free', seats: 3 })).status).toBe(400);
  });

  it("does not let an admin touch another workspace's definitions", async () => {
    const other = await h.testDb.db.workspace.create({ data: { name: 'Other', slug: `other-${Date.now()}` } });
    const theirs = await h.testDb.db.attributeDefinition.create({ data: { workspaceId: other.id, key: 'secret', label: 'Secret', type: 'text' } });
    expect((await h.api(admin, 'PATCH', `/api/attribute-definitions/${theirs.id}`, { label: 'Mine' })).status).toBe(404);
    expect((await h.api(admin, 'DELETE', `/api/attribute-definitions/${theirs.id}`)).status).toBe(404);
    expect((await patch({ plan: 'free', secret: 'x' })).status).toBe(400);
  });
});
