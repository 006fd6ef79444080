// The first messages of new, proven senders of a burst (the ingest worker's concurrent jobs) create
// their contacts and identities together, in one plain-SQL transaction per batch, by the rules of
// resolve-contact-identity.ts's createContactWithIdentity: under the same field locks, a proven
// sender joins the oldest unmerged contact with that phone or email (one created earlier in the
// batch included), else gets a contact of its own. Whatever this does not handle (a workspace whose
// webhooks want contact.created, whose outbox rows the Prisma path writes) and a batch that fails
// (another process created the same identity meanwhile) go to the Prisma path one at a time.
import type { Contact, Db } from '../../db/client.ts';
import { laneBatcher, type Settled } from '../../db/lane-batcher.ts';
import { newId } from '../../db/new-id.ts';
import { sqlRows, sqlTransaction, type Statement } from '../../db/sql.ts';
import { subscribedTypes } from '../outgoing-webhooks/subscriptions.ts';
import { contactColumns, contactFrom, identityColumns, identityFrom } from './contact-rows.ts';
import { contactFieldLockKeys } from './find-contact-by-fields.ts';
import type { ResolvedIdentity, ResolveIdentityInput } from './resolve-contact-identity.ts';

/** The field locks of a batch, in the order given (contactFieldLockKeys' order, as lockContactFields takes them). */
const lockFieldKeys: Statement = {
  name: 'contacts_lock_field_keys',
  text: 'SELECT pg_advisory_xact_lock(hashtext(k)) FROM (SELECT k FROM unnest($1::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n) s',
};

/** $1 workspaces, $2 phones, $3 emails: for each position, the oldest unmerged contact with that phone or email (findContactByFields). */
const fieldHolders: Statement = {
  name: 'contacts_field_holders',
  text: `SELECT q.n AS "q_n", ${contactColumns('k', 'k_')}
    FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS q(w, phone, email, n)
    JOIN LATERAL (SELECT * FROM "Contact" c WHERE c."workspaceId" = q.w AND c."mergedIntoId" IS NULL AND (c.phone = q.phone OR c.email = q.email)
                   ORDER BY c."createdAt" LIMIT 1) k ON true`,
};

/**
 * $1 new contacts, $2 names for linked contacts that have none, $3 identities: JSON records. One
 * row per identity with its new contact's columns (null for a contact that existed).
 */
const writeContactsAndIdentities: Statement = {
  name: 'contacts_write_new_with_identities',
  text: `WITH named AS (
      UPDATE "Contact" c SET name = x.name, "updatedAt" = x.at AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset($2::jsonb) AS x(id text, name text, at timestamptz) WHERE c.id = x.id AND c.name IS NULL),
    k AS (
      INSERT INTO "Contact" (id, "workspaceId", name, email, phone, "lastContactAt", "createdAt", "updatedAt")
      SELECT x.id, x."workspaceId", x.name, x.email, x.phone, x.at AT TIME ZONE 'UTC', x.at AT TIME ZONE 'UTC', x.at AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset($1::jsonb) AS x(id text, "workspaceId" text, name text, email text, phone text, at timestamptz)
      RETURNING *),
    i AS (
      INSERT INTO "ContactIdentity" (id, "workspaceId", "contactId", "channelKind", address, "displayName", "verifiedAt", verification, "createdAt", "updatedAt")
      SELECT x.id, x."workspaceId", x."contactId", x."channelKind", x.address, x."displayName", x."verifiedAt" AT TIME ZONE 'UTC', x.verification,
             x.at AT TIME ZONE 'UTC', x.at AT TIME ZONE 'UTC'
        FROM jsonb_to_recordset($3::jsonb) AS x(id text, "workspaceId" text, "contactId" text, "channelKind" text, address text, "displayName" text,
             "verifiedAt" timestamptz, verification text, at timestamptz)
      RETURNING *)
    SELECT ${identityColumns('i', 'i_')}, k.id AS "new", ${contactColumns('k', 'k_')} FROM i LEFT JOIN k ON k.id = i."contactId"`,
};

type Row = Record<string, unknown>;

async function createAll(db: Db, inputs: ResolveIdentityInput[]): Promise<ResolvedIdentity[]> {
  return sqlTransaction(db, async (client) => {
    const keys = [...new Set(inputs.flatMap((i) => contactFieldLockKeys(i.workspaceId, i.contactFields)))].sort();
    if (keys.length > 0) await client.query({ ...lockFieldKeys, values: [keys] });
    const rows = await sqlRows<Row>(client, fieldHolders, [inputs.map((i) => i.workspaceId), inputs.map((i) => i.contactFields.phone ?? null), inputs.map((i) => i.contactFields.email ?? null)]);
    const holders = new Map(rows.map((r) => [Number(r.q_n), contactFrom(r, 'k_')]));
    const at = new Date().toISOString();
    // In the batch's order, as one at a time: a later sender with the phone or email of a contact
    // made earlier in the batch joins it, unless an older one holds it already.
    const made: { id: string; workspaceId: string; name: string | null; email: string | null; phone: string | null; at: string }[] = [];
    const named = new Map<string, { id: string; name: string; at: string }>();
    const plans = inputs.map((input, i) => {
      const { phone, email } = input.contactFields;
      const holder = holders.get(i + 1) ?? null;
      const earlier = holder ? null : made.find((m) => m.workspaceId === input.workspaceId && ((phone && m.phone === phone) || (email && m.email === email)));
      if (holder) {
        if (!holder.name && input.displayName && !named.has(holder.id)) named.set(holder.id, { id: holder.id, name: input.displayName, at });
        return { input, holder, contactId: holder.id };
      }
      if (earlier) {
        if (!earlier.name && input.displayName) earlier.name = input.displayName;
        return { input, holder: null, contactId: earlier.id };
      }
      const contact = { id: newId(), workspaceId: input.workspaceId, name: input.displayName, email: email ?? null, phone: phone ?? null, at };
      made.push(contact);
      return { input, holder: null, contactId: contact.id };
    });
    const identities = plans.map((p) => ({
      id: newId(), workspaceId: p.input.workspaceId, contactId: p.contactId, channelKind: p.input.channelKind, address: p.input.address,
      displayName: p.input.displayName, verifiedAt: p.input.now.toISOString(), verification: p.input.sender.reason, at,
    }));
    const written = await sqlRows<Row>(client, writeContactsAndIdentities, [JSON.stringify(made), JSON.stringify([...named.values()]), JSON.stringify(identities)]);
    const byId = new Map(written.map((r) => [r.i_id as string, r]));
    const created = new Map(written.filter((r) => r.new !== null).map((r) => [r.k_id as string, contactFrom(r, 'k_')]));
    return plans.map((p, i): ResolvedIdentity => {
      const row = byId.get(identities[i]!.id);
      if (!row) throw new Error(`the identity of ${p.input.address} was not written`);
      const identity = identityFrom(row, 'i_');
      const contact: Contact | undefined = p.holder ? { ...p.holder, name: p.holder.name ?? named.get(p.holder.id)?.name ?? null } : created.get(p.contactId);
      if (!contact) throw new Error(`the contact of ${p.input.address} was not written`);
      return { identity, contact, created: true };
    });
  });
}

const batched = laneBatcher(
  async (db: Db, inputs: ResolveIdentityInput[]): Promise<Settled<ResolvedIdentity | null>[]> => {
    try {
      return (await createAll(db, inputs)).map((value) => ({ ok: true, value }));
    } catch {
      // Rolled back, nothing of it stored: each is created alone by the Prisma path (null), which
      // reads an identity another process made meanwhile.
      return inputs.map(() => ({ ok: true, value: null }));
    }
  },
  { maxBatch: 64, maxInFlight: 2 },
);

/**
 * A new proven sender's contact and identity, made together with the others of the moment; null
 * when it is for the Prisma path (nothing was written for it).
 */
export async function createProvenContact(db: Db, input: ResolveIdentityInput): Promise<ResolvedIdentity | null> {
  if (!input.sender.verified) return null;
  if ((await subscribedTypes(db, input.workspaceId)).has('contact.created')) return null;
  return batched(db, input);
}
