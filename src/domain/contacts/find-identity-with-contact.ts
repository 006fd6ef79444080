// The identity behind a channel address with its contact, in one plain-SQL statement: the first
// read of every ingested message (Prisma's include made it two queries through its interpreter).
// Built as the Prisma types, so a column added to either model fails the compiler here.
import type { Contact, ContactIdentity, Db } from '../../db/client.ts';
import { sqlRows, type Statement } from '../../db/sql.ts';

const utc = (column: string, as: string) => `${column} AT TIME ZONE 'UTC' AS "${as}"`;

const identityWithContact: Statement = {
  name: 'contacts_identity_with_contact',
  text: `SELECT i.id AS "i_id", i."contactId" AS "i_contactId", i."displayName" AS "i_displayName", ${utc('i."optedOutAt"', 'i_optedOutAt')},
         i."optOutReason" AS "i_optOutReason", ${utc('i."verifiedAt"', 'i_verifiedAt')}, i.verification AS "i_verification",
         ${utc('i."createdAt"', 'i_createdAt')}, ${utc('i."updatedAt"', 'i_updatedAt')},
         k.name AS "k_name", k.email AS "k_email", k.phone AS "k_phone", k.tier AS "k_tier", k."lifecycleStage" AS "k_lifecycleStage",
         k.tags AS "k_tags", k.attributes AS "k_attributes", k."mergedIntoId" AS "k_mergedIntoId", ${utc('k."erasedAt"', 'k_erasedAt')},
         k."organisationId" AS "k_organisationId", k."ownerId" AS "k_ownerId", ${utc('k."lastContactAt"', 'k_lastContactAt')},
         ${utc('k."createdAt"', 'k_createdAt')}, ${utc('k."updatedAt"', 'k_updatedAt')}, k."workspaceId" AS "k_workspaceId"
    FROM "ContactIdentity" i JOIN "Contact" k ON k.id = i."contactId"
   WHERE i."workspaceId" = $1 AND i."channelKind" = $2 AND i.address = $3`,
};

type Row = Record<string, unknown>;

export interface IdentityKey {
  workspaceId: string;
  channelKind: string;
  address: string;
}

export async function findIdentityWithContact(db: Db, key: IdentityKey): Promise<(ContactIdentity & { contact: Contact }) | null> {
  const [r] = await sqlRows<Row>(db, identityWithContact, [key.workspaceId, key.channelKind, key.address]);
  if (!r) return null;
  const contact: Contact = {
    id: r.i_contactId as string,
    workspaceId: r.k_workspaceId as string,
    name: r.k_name as string | null,
    email: r.k_email as string | null,
    phone: r.k_phone as string | null,
    tier: r.k_tier as string | null,
    lifecycleStage: r.k_lifecycleStage as string | null,
    tags: r.k_tags as string[],
    attributes: r.k_attributes as Contact['attributes'],
    mergedIntoId: r.k_mergedIntoId as string | null,
    erasedAt: r.k_erasedAt as Date | null,
    organisationId: r.k_organisationId as string | null,
    ownerId: r.k_ownerId as string | null,
    lastContactAt: r.k_lastContactAt as Date,
    createdAt: r.k_createdAt as Date,
    updatedAt: r.k_updatedAt as Date,
  };
  return {
    id: r.i_id as string,
    workspaceId: key.workspaceId,
    contactId: contact.id,
    channelKind: key.channelKind,
    address: key.address,
    displayName: r.i_displayName as string | null,
    optedOutAt: r.i_optedOutAt as Date | null,
    optOutReason: r.i_optOutReason as string | null,
    verifiedAt: r.i_verifiedAt as Date | null,
    verification: r.i_verification as string | null,
    createdAt: r.i_createdAt as Date,
    updatedAt: r.i_updatedAt as Date,
    contact,
  };
}
