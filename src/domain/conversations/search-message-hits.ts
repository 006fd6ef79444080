// The newest messages matching a search (at most `cap`), newest match per conversation. A common
// word ("order") matches a third of all messages: through the full-text index alone Postgres
// fetches every match (lossy bitmap, 333k rows at 1M messages) and only then keeps the newest. So
// the newest `window` messages are read first, in createdAt order through (workspaceId, createdAt),
// and filtered by the query: when they hold `cap` matches those are exactly the newest `cap`
// matches (every older message is older than all of them), at a cost that does not grow with the
// data. Rarer words fall through to the full-text index, whose match list is then short.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';

export interface HitLimits {
  /** Matching messages considered per search (newest first). */
  cap: number;
  /** Newest messages read on the fast path before falling back to the full-text index. */
  window: number;
}

export const defaultHitLimits: HitLimits = { cap: 2000, window: 8000 };

type Row = { conversationId: string; messageId: string };

/** Exported for test/bench/explain.ts. */
export const newestOrder = {
  name: 'search-hits-newest',
  text: `SELECT DISTINCT ON (m."conversationId") m."conversationId", m.id AS "messageId", count(*) OVER () AS hits
         FROM (
           SELECT r."conversationId", r.id, r."createdAt"
           FROM (
             SELECT "conversationId", id, "createdAt", kind, "searchVector" FROM "Message"
             WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC LIMIT $3
           ) r
           WHERE r.kind <> 'event' AND r."searchVector" @@ to_tsquery('simple', $2)
           ORDER BY r."createdAt" DESC
           LIMIT $4
         ) m
         ORDER BY m."conversationId", m."createdAt" DESC`,
};

export const byIndex = {
  name: 'search-hits-index',
  // MATERIALIZED: the matches come from the full-text index, never from walking the createdAt index
  // (which the planner, guessing 20,000 matches for any prefix query, would pick for the LIMIT and
  // then read to the end for a rare word).
  text: `WITH matches AS MATERIALIZED (
           SELECT "conversationId", id, "createdAt" FROM "Message"
           WHERE "workspaceId" = $1 AND kind <> 'event' AND "searchVector" @@ to_tsquery('simple', $2)
         )
         SELECT DISTINCT ON (m."conversationId") m."conversationId", m.id AS "messageId"
         FROM (SELECT * FROM matches ORDER BY "createdAt" DESC LIMIT $3) m
         ORDER BY m."conversationId", m."createdAt" DESC`,
};

/** The full-text index path alone (every match fetched, then the newest kept). */
export async function messageHitsByIndex(db: Db, workspaceId: string, tsquery: string, limits: HitLimits = defaultHitLimits): Promise<Map<string, string>> {
  const rows = await sqlRows<Row>(db, byIndex, [workspaceId, tsquery, limits.cap]);
  return new Map(rows.map((r) => [r.conversationId, r.messageId]));
}

/** Conversation id -> its newest message among the newest `cap` matches. */
export async function messageHits(db: Db, workspaceId: string, tsquery: string, limits: HitLimits = defaultHitLimits): Promise<Map<string, string>> {
  const recent = await sqlRows<Row & { hits: string }>(db, newestOrder, [workspaceId, tsquery, limits.window, limits.cap]);
  // `hits` counts the matches kept (before one per conversation): reaching the cap means the window held them all.
  if (recent.length > 0 && Number(recent[0]!.hits) >= limits.cap) return new Map(recent.map((r) => [r.conversationId, r.messageId]));
  return messageHitsByIndex(db, workspaceId, tsquery, limits);
}
