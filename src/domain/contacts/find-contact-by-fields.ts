// The link between channels: a new identity (a WhatsApp number, an email address) belongs to the
// contact who already has that phone number or email, so one person stays one contact across
// channels. Generic over the fields an adapter's `contactFields` fills.
import type { Contact, Tx } from '../../db/client.ts';

export type ContactFields = { email?: string; phone?: string };

/**
 * Serialises first contacts that carry the same phone / email (an SMS and a WhatsApp message of a
 * new customer processed at once), so both find one contact instead of creating two.
 */
export async function lockContactFields(tx: Tx, workspaceId: string, fields: ContactFields): Promise<void> {
  for (const key of contactFieldLockKeys(workspaceId, fields)) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))`;
}

/** The advisory lock keys of these fields, in the order every taker locks them (sorted: no two takers deadlock). */
export function contactFieldLockKeys(workspaceId: string, fields: ContactFields): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v)
    .map(([k, v]) => `${workspaceId}:${k}:${v}`)
    .sort();
}

/** The oldest unmerged contact of the workspace with this phone number or email, if any. */
export async function findContactByFields(tx: Tx, workspaceId: string, fields: ContactFields): Promise<Contact | null> {
  const or = [...(fields.phone ? [{ phone: fields.phone }] : []), ...(fields.email ? [{ email: fields.email }] : [])];
  if (or.length === 0) return null;
  return tx.contact.findFirst({ where: { workspaceId, mergedIntoId: null, OR: or }, orderBy: { createdAt: 'asc' } });
}
