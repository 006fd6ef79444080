// New proven senders arriving together create their contacts and identities in one plain-SQL
// transaction (create-proven-contacts.ts), by the rules of the Prisma path: the same senders sent
// to a workspace whose webhooks want contact.created (so each goes through Prisma, one at a time)
// end as the same contacts, and each result is what Prisma reads back.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveContactIdentity, type ResolveIdentityInput } from '../../../src/domain/contacts/resolve-contact-identity.ts';
import { forgetSubscriptions } from '../../../src/domain/outgoing-webhooks/subscriptions.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { countStatements } from '../../support/count-statements.ts';
import { PASSWORD, startHarness, type Harness } from '../../support/harness.ts';
import { testPasswords } from '../../support/passwords.ts';

const proven = { verified: true as const, reason: 'carrier' };

describe('new proven senders created together', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  /** The senders of one burst: new ones, one joining a known contact by phone, two channels of one new number, an email. */
  const burst = (workspaceId: string, now: Date): ResolveIdentityInput[] => [
    { workspaceId, channelKind: 'sms', address: '+14155553001', displayName: 'Ana', contactFields: { phone: '+14155553001' }, sender: proven, now },
    { workspaceId, channelKind: 'whatsapp', address: '+14155553002', displayName: 'Known Ben', contactFields: { phone: '+14155553002' }, sender: proven, now },
    { workspaceId, channelKind: 'sms', address: '+14155553003', displayName: null, contactFields: { phone: '+14155553003' }, sender: proven, now },
    { workspaceId, channelKind: 'whatsapp', address: '+14155553003', displayName: 'Cleo', contactFields: { phone: '+14155553003' }, sender: proven, now },
    { workspaceId, channelKind: 'email', address: 'dan@customer.example', displayName: 'Dan', contactFields: { email: 'dan@customer.example' }, sender: proven, now },
    { workspaceId, channelKind: 'sms', address: '+14155553004', displayName: 'Eve', contactFields: { phone: '+14155553004' }, sender: proven, now },
  ];

  /** Each sender's contact as the database has it (without ids and times), and which senders share one. */
  const shape = async (workspaceId: string) => {
    const { db } = h.rt.deps;
    const identities = await db.contactIdentity.findMany({ where: { workspaceId }, include: { contact: true }, orderBy: [{ address: 'asc' }, { channelKind: 'asc' }] });
    const contactIds = [...new Set(identities.map((i) => i.contactId))];
    return identities.map((i) => ({
      sender: `${i.channelKind}:${i.address}`, displayName: i.displayName, verified: i.verifiedAt !== null, verification: i.verification,
      contact: { n: contactIds.indexOf(i.contactId), name: i.contact.name, phone: i.contact.phone, email: i.contact.email },
    }));
  };

  it('ends as the Prisma path does, one sender at a time, in a few statements for all', async () => {
    const { db } = h.rt.deps;
    const tag = randomBytes(4).toString('hex');
    const other = await createWorkspace({ db, passwords: testPasswords }, {
      name: 'Globex', slug: `globex-${tag}`, agents: [{ email: `admin-${tag}@globex.test`, name: 'Gloria Admin', role: 'admin', password: PASSWORD }], channels: [],
    });
    const ours = h.workspace.workspace.id;
    const theirs = other.workspace.id;
    // The workspace whose webhooks want contact.created gets its outbox rows from the Prisma path.
    await db.webhookEndpoint.create({ data: { workspaceId: theirs, url: 'http://127.0.0.1:9/hooks', events: ['contact.created'], secret: 'whsec_test' } });
    forgetSubscriptions(theirs);
    for (const workspaceId of [ours, theirs]) await db.contact.create({ data: { workspaceId, phone: '+14155553002' } });
    const now = new Date('2026-12-07T10:00:00.000Z');

    const { result, statements } = await countStatements(() => Promise.all(burst(ours, now).map((input) => resolveContactIdentity(db, input))));
    for (const input of burst(theirs, now)) await resolveContactIdentity(db, input);

    expect(await shape(ours)).toEqual(await shape(theirs));
    expect((await shape(ours)).map((s) => [s.sender, s.contact.n, s.contact.name])).toEqual([
      ['sms:+14155553001', 0, 'Ana'],
      ['whatsapp:+14155553002', 1, 'Known Ben'],
      ['sms:+14155553003', 2, 'Cleo'],
      ['whatsapp:+14155553003', 2, 'Cleo'],
      ['sms:+14155553004', 3, 'Eve'],
      ['email:dan@customer.example', 4, 'Dan'],
    ]);
    // Not through Prisma, and the contacts of the whole burst written in one statement.
    expect(statements.filter((s) => s.startsWith('INSERT INTO "public"."Contact"'))).toHaveLength(0);
    expect(statements.filter((s) => s.includes('INSERT INTO "Contact" (id'))).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { workspaceId: theirs, eventType: 'contact.created' } })).toBe(4);
    expect(await db.webhookDelivery.count({ where: { workspaceId: ours } })).toBe(0);

    // What each caller got is what Prisma reads back, every column (a linked contact's updatedAt aside, as on the Prisma path).
    for (const got of result) {
      const stored = await db.contactIdentity.findUniqueOrThrow({ where: { id: got.identity!.id }, include: { contact: true } });
      const { contact, ...identity } = stored;
      expect(got.identity).toEqual(identity);
      expect({ ...got.contact, updatedAt: null }).toEqual({ ...contact, updatedAt: null });
    }
  });
});
