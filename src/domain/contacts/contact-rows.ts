// Contact and ContactIdentity rows read by plain SQL, built as the Prisma types (so a column added
// to either model fails the compiler here): the column list of a SELECT or RETURNING, under a
// prefix, and the object from the row. Timestamps are `timestamp without time zone` holding UTC.
import type { Contact, ContactIdentity } from '../../db/client.ts';

type Row = Record<string, unknown>;

const utc = (column: string, as: string) => `${column} AT TIME ZONE 'UTC' AS "${as}"`;

/** Columns of table alias `t` (empty for RETURNING), named `${p}column`; timestamps read as UTC. */
function columnList(t: string, p: string, plain: string[], times: string[]): string {
  const c = (name: string) => (t ? `${t}."${name}"` : `"${name}"`);
  return [...plain.map((n) => `${c(n)} AS "${p}${n}"`), ...times.map((n) => utc(c(n), `${p}${n}`))].join(', ');
}

/** The contact's columns (contactFrom reads them). */
export const contactColumns = (t: string, p: string): string =>
  columnList(t, p, ['id', 'workspaceId', 'name', 'email', 'phone', 'tier', 'lifecycleStage', 'tags', 'attributes', 'mergedIntoId', 'organisationId', 'ownerId'], ['erasedAt', 'lastContactAt', 'createdAt', 'updatedAt']);

export function contactFrom(r: Row, p: string): Contact {
  return {
    id: r[`${p}id`] as string,
    workspaceId: r[`${p}workspaceId`] as string,
    name: r[`${p}name`] as string | null,
    email: r[`${p}email`] as string | null,
    phone: r[`${p}phone`] as string | null,
    tier: r[`${p}tier`] as string | null,
    lifecycleStage: r[`${p}lifecycleStage`] as string | null,
    tags: r[`${p}tags`] as string[],
    attributes: r[`${p}attributes`] as Contact['attributes'],
    mergedIntoId: r[`${p}mergedIntoId`] as string | null,
    erasedAt: r[`${p}erasedAt`] as Date | null,
    organisationId: r[`${p}organisationId`] as string | null,
    ownerId: r[`${p}ownerId`] as string | null,
    lastContactAt: r[`${p}lastContactAt`] as Date,
    createdAt: r[`${p}createdAt`] as Date,
    updatedAt: r[`${p}updatedAt`] as Date,
  };
}

/** The identity's columns (identityFrom reads them). */
export const identityColumns = (t: string, p: string): string =>
  columnList(t, p, ['id', 'workspaceId', 'contactId', 'channelKind', 'address', 'displayName', 'optOutReason', 'verification'], ['optedOutAt', 'verifiedAt', 'createdAt', 'updatedAt']);

export function identityFrom(r: Row, p: string): ContactIdentity {
  return {
    id: r[`${p}id`] as string,
    workspaceId: r[`${p}workspaceId`] as string,
    contactId: r[`${p}contactId`] as string,
    channelKind: r[`${p}channelKind`] as string,
    address: r[`${p}address`] as string,
    displayName: r[`${p}displayName`] as string | null,
    optedOutAt: r[`${p}optedOutAt`] as Date | null,
    optOutReason: r[`${p}optOutReason`] as string | null,
    verifiedAt: r[`${p}verifiedAt`] as Date | null,
    verification: r[`${p}verification`] as string | null,
    createdAt: r[`${p}createdAt`] as Date,
    updatedAt: r[`${p}updatedAt`] as Date,
  };
}
