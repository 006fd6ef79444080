// Search across the conversations an agent may see: words in any message or note (Postgres full
// text over Message.searchVector, each word as a prefix), the customer's name, email, phone or any
// channel address, and the conversation number ("#42"). Newest activity first; each hit found by
// its messages carries the newest matching message and a snippet with the matched words marked.
import type { ConversationStatus, Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import { AppError } from '../../errors.ts';
import type { SearchHit, SnippetPart } from './conversation-view.ts';
import { loadSummaries, toSummaryWithUnread } from './summary-sql.ts';
import type { Viewer } from '../auth/viewer.ts';
import { messageHits } from './search-message-hits.ts';
import { binder, visibleConversationsSql } from './visibility.ts';

export interface SearchQuery {
  q: string;
  status?: ConversationStatus[];
  limit: number;
}

const MAX_TERMS = 8;
/** Customers considered per search (a short query can match many). */
const MAX_CONTACT_HITS = 1000;
// Snippet markers: control characters no message keeps (they are removed from the text first).
const START = '\u0002';
const STOP = '\u0003';

/** The words of a query: runs of letters and digits, lower-cased, without repeats. */
export function searchTerms(q: string): string[] {
  return [...new Set((q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []))].slice(0, MAX_TERMS);
}

/** A tsquery matching every term as a prefix. Terms hold only letters and digits, so nothing in them is tsquery syntax. */
export function prefixQuery(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}

/** ts_headline's output split at its markers. */
export function snippetParts(headline: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const piece of headline.split(START)) {
    const [marked, rest] = piece.includes(STOP) ? piece.split(STOP, 2) : [null, piece];
    if (marked) parts.push({ text: marked, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

/** Snippets come from the text alone: the row shows the subject already. */
async function snippets(db: Db, messageIds: string[], tsquery: string): Promise<Map<string, SnippetPart[]>> {
  if (messageIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ id: string; headline: string }[]>`
    SELECT id, ts_headline('simple',
      translate(left(text, 100000), chr(2) || chr(3), ''),
      to_tsquery('simple', ${tsquery}),
      'StartSel=' || chr(2) || ', StopSel=' || chr(3) || ', MaxWords=24, MinWords=10, ShortWord=2') AS headline
    FROM "Message" WHERE id = ANY(${messageIds}::text[])`;
  return new Map(rows.map((r) => [r.id, snippetParts(r.headline)]));
}

/** Customers whose name, email, phone or any channel address holds the query (trigram indexes). */
async function contactHits(db: Db, workspaceId: string, q: string): Promise<string[]> {
  if (q.length < 2) return [];
  const like = { contains: q, mode: 'insensitive' as const };
  const [contacts, identities] = await Promise.all([
    db.contact.findMany({ where: { workspaceId, OR: [{ name: like }, { email: like }, { phone: { contains: q } }] }, select: { id: true }, take: MAX_CONTACT_HITS }),
    db.contactIdentity.findMany({ where: { workspaceId, address: like }, select: { contactId: true }, take: MAX_CONTACT_HITS }),
  ]);
  return [...new Set([...contacts.map((c) => c.id), ...identities.map((i) => i.contactId)])];
}

export async function searchConversations(db: Db, viewer: Viewer, query: SearchQuery): Promise<{ items: SearchHit[] }> {
  const q = query.q.trim();
  const terms = searchTerms(q);
  if (terms.length === 0) throw new AppError('validation_failed', 'q: give at least one letter or digit to search for');
  const tsquery = prefixQuery(terms);
  const [byMessage, contactIds] = await Promise.all([messageHits(db, viewer.workspaceId, tsquery), contactHits(db, viewer.workspaceId, q)]);
  const number = /^#?(\d{1,9})$/.exec(q);

  if (!number && contactIds.length === 0 && byMessage.size === 0) return { items: [] };

  // Which conversations and their summaries, in one plain-SQL statement with the permission filter in it.
  const values: unknown[] = [];
  const bind = binder(values);
  const viewerParam = bind(viewer.agentId);
  const anyOf = [`c.id = ANY(${bind([...byMessage.keys()])}::text[])`, `c."contactId" = ANY(${bind(contactIds)}::text[])`];
  if (number) anyOf.push(`c.number = ${bind(Number(number[1]))}`);
  const statusFilter = query.status?.length ? ` AND c.status::text = ANY(${bind(query.status)}::text[])` : '';
  const where = `${visibleConversationsSql(viewer, 'c', bind)} AND (${anyOf.join(' OR ')})${statusFilter}`;
  const rows = await loadSummaries(db, { viewerParam, where, limit: query.limit, values });
  const marked = await snippets(db, rows.flatMap((c) => byMessage.get(c.id) ?? []), tsquery);
  return {
    items: rows.map((c) => {
      const messageId = byMessage.get(c.id);
      return {
        ...toSummaryWithUnread(c),
        match: messageId ? { messageId, snippet: marked.get(messageId) ?? [] } : null,
      };
    }),
  };
}
