// Contacts written straight to the database for the Customer 360 tests: a contact, its identity on
// a channel and one conversation (of a team or none), so visibility and "last contact" are real.
import type { Db } from '../../src/db/client.ts';
import type { Harness } from './harness.ts';

export interface SeedContact {
  name: string;
  email?: string;
  phone?: string;
  stage?: string;
  tier?: string;
  tags?: string[];
  attributes?: Record<string, string | number>;
  ownerId?: string;
  organisationId?: string;
  /** Defaults to email, on the harness's email channel. */
  channelKind?: string;
  address?: string;
  teamId?: string | null;
  lastMessageAt?: Date;
}

let number = 10_000;

export async function seedContact(db: Db, h: Harness, c: SeedContact, workspaceId = h.workspace.workspace.id, channelId = h.workspace.channels[0]!.id): Promise<string> {
  const contact = await db.contact.create({
    data: {
      workspaceId,
      name: c.name,
      email: c.email ?? null,
      phone: c.phone ?? null,
      lifecycleStage: c.stage ?? null,
      tier: c.tier ?? null,
      tags: c.tags ?? [],
      attributes: c.attributes ?? {},
      ownerId: c.ownerId ?? null,
      organisationId: c.organisationId ?? null,
    },
  });
  await db.contactIdentity.create({ data: { workspaceId, contactId: contact.id, channelKind: c.channelKind ?? 'email', address: c.address ?? c.email ?? `${contact.id}@seed.test` } });
  await db.conversation.create({
    data: { workspaceId, number: number++, channelId, contactId: contact.id, subject: `${c.name} writes`, teamId: c.teamId ?? null, lastMessageAt: c.lastMessageAt ?? new Date() },
  });
  return contact.id;
}
