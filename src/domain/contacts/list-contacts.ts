// The contacts list: search (name, email, phone or any channel address, through the trigram
// indexes), filters (stage, tier, tag, one attribute's value, owner, company, channel, last contact
// between two dates) and keyset pagination, newest contact first. Plain SQL so each filter meets
// its index (Contact_attributes_idx answers `@>`, Contact_tags_idx the tag); then Prisma loads the
// page. Agents see the contacts of conversations they may see (contact-visibility.ts), merged-away
// contacts never show.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import { AppError } from '../../errors.ts';
import { isSupervisor, type Viewer } from '../auth/viewer.ts';
import { binder, visibleConversationsSql } from '../conversations/visibility.ts';
import { attributeRules } from './attribute-definitions.ts';
import { toContactListRow, type ContactListFilters, type ContactListPage } from './contact-list-view.ts';

export interface ContactListQuery extends ContactListFilters {
  limit: number;
  cursor?: string;
}

const badCursor = () => new AppError('bad_request', 'cursor: not a cursor this list gave out');

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && !Number.isNaN(Date.parse(v[0])) && typeof v[1] === 'string') return [v[0], v[1]];
  } catch {
    // falls through to the error below
  }
  throw badCursor();
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
/** A bound ISO instant compared with a TIMESTAMP(3) column, which holds UTC. */
const utc = (placeholder: string) => `(${placeholder}::timestamptz AT TIME ZONE 'UTC')`;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** "To 2026-12-04" includes that whole day. */
const endOf = (s: string) => (DATE_ONLY.test(s) ? new Date(Date.parse(`${s}T00:00:00Z`) + 86_400_000).toISOString() : new Date(s).toISOString());
const startOf = (s: string) => new Date(DATE_ONLY.test(s) ? `${s}T00:00:00Z` : s).toISOString();

/** The attribute filter as the JSON `@>` looks for, typed by the attribute's definition. */
async function attributeMatch(db: Db, workspaceId: string, key: string, raw: string): Promise<string> {
  const rule = (await attributeRules(db, workspaceId)).find((r) => r.key === key);
  if (!rule) throw new AppError('bad_request', `attrKey: "${key}" is not a defined attribute`);
  if (rule.type !== 'number') return JSON.stringify({ [key]: raw });
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new AppError('bad_request', `attrValue: ${rule.label} is a number`);
  return JSON.stringify({ [key]: n });
}

/** More matches than this and a search walks the newest-first index instead (see searchCondition). */
const COMMON_SEARCH = 2000;

/**
 * A search's condition. A rare term is found through the trigram indexes, one branch each (then the
 * few matches are sorted); a term most contacts share ("customer", "gmail") would make that collect
 * every match first, so it is checked row by row along the newest-first index, which stops as soon
 * as a page is full. A capped count of the matches picks the plan.
 */
async function searchCondition(db: Db, workspaceId: string, q: string, bind: (v: unknown) => string): Promise<string> {
  const probe: unknown[] = [];
  const branches = (b: (v: unknown) => string) => {
    const ws = b(workspaceId);
    const like = b(likeOf(q));
    return [
      ...['name', 'email', 'phone'].map((col) => `SELECT x."id" FROM "Contact" x WHERE x."workspaceId" = ${ws} AND x."${col}" ILIKE ${like}`),
      `SELECT i."contactId" FROM "ContactIdentity" i WHERE i."workspaceId" = ${ws} AND i."address" ILIKE ${like}`,
    ];
  };
  const probeBind = binder(probe);
  const text = `SELECT count(*)::int AS n FROM (${branches(probeBind).join(' UNION ALL ')} LIMIT ${probeBind(COMMON_SEARCH + 1)}) s`;
  const [{ n }] = (await sqlRows<{ n: number }>(db, { text }, probe)) as [{ n: number }];
  if (n <= COMMON_SEARCH) return `c."id" IN (${branches(bind).join(' UNION ')})`;
  const like = bind(likeOf(q));
  return `(c."name" ILIKE ${like} OR c."email" ILIKE ${like} OR c."phone" ILIKE ${like} OR EXISTS (SELECT 1 FROM "ContactIdentity" i WHERE i."contactId" = c."id" AND i."address" ILIKE ${like}))`;
}

/** The WHERE conditions on Contact `c` for these filters, binding every value. */
export async function contactListConditions(db: Db, viewer: Viewer, f: ContactListFilters, bind: (v: unknown) => string): Promise<string[]> {
  const where = [`c."workspaceId" = ${bind(viewer.workspaceId)}`, `c."mergedIntoId" IS NULL`];
  if (!isSupervisor(viewer)) where.push(`EXISTS (SELECT 1 FROM "Conversation" v WHERE v."contactId" = c."id" AND ${visibleConversationsSql(viewer, 'v', bind)})`);
  if (f.q) where.push(await searchCondition(db, viewer.workspaceId, f.q, bind));
  if (f.stage) where.push(f.stage === 'none' ? `c."lifecycleStage" IS NULL` : `c."lifecycleStage" = ${bind(f.stage)}`);
  if (f.tier) where.push(`c."tier" = ${bind(f.tier)}`);
  if (f.tag) where.push(`c."tags" @> ARRAY[${bind(f.tag)}]::text[]`);
  if (f.attrKey !== undefined && f.attrValue !== undefined) where.push(`c."attributes" @> ${bind(await attributeMatch(db, viewer.workspaceId, f.attrKey, f.attrValue))}::jsonb`);
  if (f.ownerId) where.push(f.ownerId === 'none' ? `c."ownerId" IS NULL` : `c."ownerId" = ${bind(f.ownerId === 'me' ? viewer.agentId : f.ownerId)}`);
  if (f.organisationId) where.push(`c."organisationId" = ${bind(f.organisationId)}`);
  if (f.channel) where.push(`EXISTS (SELECT 1 FROM "ContactIdentity" ci WHERE ci."contactId" = c."id" AND ci."channelKind" = ${bind(f.channel)})`);
  if (f.lastContactFrom) where.push(`c."lastContactAt" >= ${utc(bind(startOf(f.lastContactFrom)))}`);
  if (f.lastContactTo) where.push(`c."lastContactAt" < ${utc(bind(endOf(f.lastContactTo)))}`);
  return where;
}

/** The statement that finds a page's ids (one more than the page, to know whether another follows); exported for EXPLAIN. */
export async function contactListSql(db: Db, viewer: Viewer, query: ContactListQuery): Promise<{ text: string; values: unknown[] }> {
  const values: unknown[] = [];
  const bind = binder(values);
  const where = await contactListConditions(db, viewer, query, bind);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor);
    where.push(`(c."lastContactAt", c."id") < (${utc(bind(at))}, ${bind(id)})`);
  }
  return { text: `SELECT c."id" FROM "Contact" c WHERE ${where.join(' AND ')} ORDER BY c."lastContactAt" DESC, c."id" DESC LIMIT ${bind(query.limit + 1)}`, values };
}

export async function listContacts(db: Db, viewer: Viewer, query: ContactListQuery): Promise<ContactListPage> {
  const { text, values } = await contactListSql(db, viewer, query);
  const ids = (await sqlRows<{ id: string }>(db, { text }, values)).map((r) => r.id);
  const pageIds = ids.slice(0, query.limit);
  const rows = await db.contact.findMany({
    where: { id: { in: pageIds } },
    include: { identities: { select: { channelKind: true } }, organisation: { select: { id: true, name: true } }, owner: { select: { id: true, name: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = pageIds.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const last = items.at(-1);
  return { items: items.map(toContactListRow), next: ids.length > query.limit && last ? encodeCursor(last.lastContactAt, last.id) : null };
}
