// The identity behind a channel address with its contact, in one plain-SQL statement: the first
// read of every ingested message (Prisma's include made it two queries through its interpreter);
// the messages of a burst look their senders up together, one statement per batch.
// Built as the Prisma types (contact-rows.ts).
import type { Contact, ContactIdentity, Db } from '../../db/client.ts';
import { contactColumns, contactFrom, identityColumns, identityFrom } from './contact-rows.ts';
import { allOk, laneBatcher } from '../../db/lane-batcher.ts';
import { sqlRows, type Statement } from '../../db/sql.ts';

const identityWithContact: Statement = {
  name: 'contacts_identities_with_contacts',
  text: `SELECT q.n AS "q_n", ${identityColumns('i', 'i_')}, ${contactColumns('k', 'k_')}
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
    return r ? toFound(r) : null;
  });
}

const findJoined = laneBatcher(async (db: Db, keys: IdentityKey[]) => allOk(await findAll(db, keys)), { maxBatch: 64, maxInFlight: 2 });

export function findIdentityWithContact(db: Db, key: IdentityKey): Promise<Found | null> {
  return findJoined(db, key);
}

function toFound(r: Row): Found {
  return { ...identityFrom(r, 'i_'), contact: contactFrom(r, 'k_') };
}
