// The identity behind a channel address with its contact, in one plain-SQL statement: the first
// read of every ingested message (Prisma's include made it two queries through its interpreter);
// the messages of a burst look their senders up together, one statement per batch.
// Built as the Prisma types, so a column added to either model fails the compiler here.
import type { Contact, ContactIdentity, Db } from '../../db/client.ts';
import { allOk, laneBatcher } from '../../db/lane-batcher.ts';
import { sqlRows, type Statement } from '../../db/sql.ts';

const utc = (column: string, as: string) => `${column} AT TIME ZONE 'UTC' AS "${as}"`;

const identityWithContact: Statement = {
  name: 'contacts_identities_with_contacts',
  text: `SELECT q.n AS "q_n", i.id AS "i_id", i."contactId" AS "i_contactId", i."displayName" AS "i_displayName", ${utc('i."optedOutAt"', 'i_optedOutAt')},
         i."optOutReason" AS "i_optOutReason", ${utc('i."verifiedAt"', 'i_verifiedAt')}, i.verification AS "i_verification",
         ${utc('i."createdAt"', 'i_createdAt')}, ${utc('i."updatedAt"', 'i_updatedAt')},
         k.name AS "k_name", k.email AS "k_email", k.phone AS "k_phone", k.tier AS "k_tier", k."lifecycleStage" AS "k_lifecycleStage",
         k.tags AS "k_tags", k.attributes AS "k_attributes", k."mergedIntoId" AS "k_mergedIntoId", ${utc('k."erasedAt"', 'k_erasedAt')},
         k."organisationId" AS "k_organisationId", k."ownerId" AS "k_ownerId", ${utc('k."lastContactAt"', 'k_lastContactAt')},
         ${utc('k."createdAt"', 'k_createdAt')}, ${utc('k."updatedAt"', 'k_updatedAt')}, k."workspaceId" AS "k_workspaceId"
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(w, kind, a, n)
    JOIN "ContactIdentity" i ON i."workspaceId" = q.w AND i."channelKind" = q.kind AND i.address = q.a
    JOIN "Contact" k ON k.id = i."contactId"`,
};

type Row = Record<string, unknown>;

export interface IdentityKey {
  workspaceId: string;
  channelKind: string;
  address: string;
}

type Found = ContactIdentity & { contact: Contact };

async function findAll(db: Db, keys: IdentityKey[]): Promise<(Found | null)[]> {
  const rows = await sqlRows<Row>(db, identityWithContact, [keys.map((k) => k.workspaceId), keys.map((k) => k.channelKind), keys.map((k) => k.address)]);
  const byPosition = new Map(rows.map((r) => [Number(r.q_n), r]));
  return keys.map((key, i) => {
    const r = byPosition.get(i + 1);
    return r ? toFound(key, r) : null;
  });
}

const findJoined = laneBatcher(async (db: Db, keys: IdentityKey[]) => allOk(await findAll(db, keys)), { maxBatch: 64, maxInFlight: 2 });

export function findIdentityWithContact(db: Db, key: IdentityKey): Promise<Found | null> {
  return findJoined(db, key);
}

function toFound(key: IdentityKey, r: Row): Found {
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
