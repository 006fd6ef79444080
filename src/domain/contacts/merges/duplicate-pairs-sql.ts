// The SQL behind duplicate suggestions: pairs of live contacts (not merged, not erased) of one
// workspace that look like one person, each with its reasons. $1 workspace, $2 the contact (scope
// 'contact'; null for 'workspace'), $3 how many pairs. A pair an agent dismissed ("not a duplicate")
// is left out. Similar addresses use pg_trgm's similarity() on the email's local part and on the
// phone's digits. The three match keys (lower email, phone digits, lower name) have expression
// indexes (migration 20261204150000_contact_merge_undo) written exactly as below: keep them in step.
export const SIMILAR_EMAIL = 0.4;
export const SIMILAR_PHONE = 0.5;

export type DuplicateScope = 'contact' | 'workspace';

/** For one contact, every other; for the workspace, each pair once (from its smaller id), so its reasons are worded once. */
export function duplicatePairsSql(scope: DuplicateScope): string {
  const otherSide = scope === 'contact' ? `b."id" <> a."id"` : `a."id" < b."id"`;
  const one = scope === 'contact';
  return `
WITH live AS NOT MATERIALIZED (
  SELECT "id", "name", "email", "phone", "createdAt",
         lower("email") AS lemail, split_part(lower("email"), '@', 1) AS lpart,
         NULLIF(regexp_replace(coalesce("phone", ''), '[^0-9]', '', 'g'), '') AS digits,
         NULLIF(lower(btrim("name")), '') AS lname
    FROM "Contact"
   WHERE "workspaceId" = $1 AND "mergedIntoId" IS NULL AND "erasedAt" IS NULL
),
focus AS NOT MATERIALIZED (SELECT * FROM live WHERE ${one ? `"id" = $2::text` : `$2::text IS NULL`}),
pairs AS (
  SELECT a."id" AS a, b."id" AS b, 1 AS rank, 'Same email ' || a.lemail AS reason
    FROM focus a JOIN live b ON b.lemail = a.lemail AND ${otherSide}
  UNION ALL
  SELECT a."id", b."id", 2, 'Same phone ' || a."phone"
    FROM focus a JOIN live b ON b.digits = a.digits AND ${otherSide}
  UNION ALL
  SELECT a."id", b."id", 3,
         'Same name "' || a."name" || '" and ' ||
         CASE WHEN similarity(a.lpart, b.lpart) >= ${SIMILAR_EMAIL}
              THEN 'similar emails ' || a."email" || ' and ' || b."email"
              ELSE 'similar phone numbers ' || a."phone" || ' and ' || b."phone" END
    FROM focus a JOIN live b ON b.lname = a.lname AND ${otherSide}
   WHERE (similarity(a.lpart, b.lpart) >= ${SIMILAR_EMAIL} AND a.lemail IS DISTINCT FROM b.lemail)
      OR (similarity(a.digits, b.digits) >= ${SIMILAR_PHONE} AND a.digits IS DISTINCT FROM b.digits)
  UNION ALL
  -- A chat visitor proved an email (the confirmation link, or an agent) that another contact has.
  SELECT ab.a, ab.b, 4, 'Webchat visitor verified ' || cl."value" || ' (' || coalesce(cl."verifiedVia", 'link') || '), the email of the other contact'
    FROM "IdentityClaim" cl
    JOIN live v ON v."id" = cl."contactId"
    JOIN live o ON o."id" <> v."id" AND (o.lemail = lower(cl."value") OR EXISTS (
         SELECT 1 FROM "ContactIdentity" i WHERE i."contactId" = o."id" AND i."channelKind" = 'email' AND lower(i."address") = lower(cl."value")))
    CROSS JOIN LATERAL (SELECT CASE WHEN ${one ? `v."id" = $2::text` : 'true'} THEN v."id" ELSE o."id" END AS a,
                               CASE WHEN ${one ? `v."id" = $2::text` : 'true'} THEN o."id" ELSE v."id" END AS b) ab
   WHERE cl."workspaceId" = $1 AND cl."status" = 'verified' AND cl."field" = 'email' AND cl."channelKind" = 'webchat'
     ${one ? `AND (v."id" = $2::text OR o."id" = $2::text)` : ''}
),
grouped AS (
  -- The workspace list names each pair once (the older contact first); a contact's list, from its side.
  SELECT CASE WHEN ${one ? 'false' : 'p.b < p.a'} THEN p.b ELSE p.a END AS a,
         CASE WHEN ${one ? 'false' : 'p.b < p.a'} THEN p.a ELSE p.b END AS b,
         min(p.rank) AS rank,
         array_agg(DISTINCT p.reason) AS reasons
    FROM pairs p
   GROUP BY 1, 2
)
SELECT g.a, g.b, g.reasons
  FROM grouped g
 WHERE NOT EXISTS (SELECT 1 FROM "ContactDuplicateDismissal" d WHERE d."contactAId" = least(g.a, g.b) AND d."contactBId" = greatest(g.a, g.b))
 ORDER BY g.rank, g.a, g.b
 LIMIT $3`;
}
