// The plain-SQL read of an identity with its contact (the first read of every ingested message)
// gives exactly what Prisma's findUnique with the contact included gives, every column.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findIdentityWithContact } from '../../../src/domain/contacts/find-identity-with-contact.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('identity with its contact in one statement', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('gives the identity and contact Prisma gives, with every field set, and null for an unknown address', async () => {
    const { db } = h.rt.deps;
    const workspaceId = h.workspace.workspace.id;
    const contact = await db.contact.create({
      data: { workspaceId, name: 'Rosa', email: 'rosa@example.com', phone: '+14155550123', tier: 'gold', lifecycleStage: 'loyalty', tags: ['vip', 'eu'], attributes: { plan: 'pro', seats: 3 }, erasedAt: new Date('2026-01-02T03:04:05.678Z') },
    });
    await db.contactIdentity.create({
      data: { workspaceId, contactId: contact.id, channelKind: 'sms', address: '+14155550123', displayName: 'Rosa P', optedOutAt: new Date('2026-02-03T04:05:06.789Z'), optOutReason: 'STOP', verifiedAt: new Date('2026-03-04T05:06:07.891Z'), verification: 'carrier' },
    });
    const key = { workspaceId, channelKind: 'sms', address: '+14155550123' };
    const prisma = await db.contactIdentity.findUnique({ where: { workspaceId_channelKind_address: key }, include: { contact: true } });
    expect(await findIdentityWithContact(db, key)).toEqual(prisma);
    expect(await findIdentityWithContact(db, { ...key, address: '+14155550999' })).toBeNull();
  });
});
