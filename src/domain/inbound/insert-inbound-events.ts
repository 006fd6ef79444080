// Stores the InboundEvents of concurrent deliveries in one statement (UNNEST of arrays), so a burst
// of webhooks costs one round trip and one commit per turn of the event loop rather than one per
// request. A key already stored (a provider's retry, a replay, or the same key twice in one batch)
// inserts nothing; only for those is the stored row read.
import type { Db } from '../../db/client.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { sqlRows } from '../../db/sql.ts';

export interface InboundEventRow {
  id: string;
  workspaceId: string;
  channelId: string;
  externalId: string;
  /** The payload as JSON text, or null. */
  payload: string | null;
  raw: Buffer | null;
  /** `failed` (with `error`, processed now) for an event nothing of which could be kept. */
  status: 'received' | 'failed';
  error: string | null;
}

/** Whether the row was inserted now, or which stored row has its key and in what status. */
export type InsertOutcome = { inserted: true; id: string } | { inserted: false; id: string; status: string };

const insertMany = {
  name: 'insert-inbound-events.insert',
  text: `INSERT INTO "InboundEvent" ("id", "workspaceId", "channelId", "externalId", "payload", "raw", "status", "error", "processedAt")
         SELECT u.id, u.ws, u.ch, u.ext, u.payload::jsonb, u.raw, u.status::"InboundStatus", u.error,
                CASE WHEN u.status = 'failed' THEN (now() AT TIME ZONE 'UTC') END
         FROM UNNEST($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bytea[], $7::text[], $8::text[])
              AS u(id, ws, ch, ext, payload, raw, status, error)
         ON CONFLICT ("channelId", "externalId") DO NOTHING
         RETURNING "id"`,
};

const storedByKey = {
  name: 'insert-inbound-events.stored',
  text: `SELECT e."id", e."channelId", e."externalId", e."status"::text AS "status"
         FROM "InboundEvent" e JOIN UNNEST($1::text[], $2::text[]) AS k(ch, ext) ON e."channelId" = k.ch AND e."externalId" = k.ext`,
};

const keyOf = (channelId: string, externalId: string) => `${channelId}\u0000${externalId}`;

async function insertBatch(db: Db, rows: InboundEventRow[]): Promise<InsertOutcome[]> {
  const column = <T>(pick: (r: InboundEventRow) => T) => rows.map(pick);
  const inserted = await sqlRows<{ id: string }>(db, insertMany, [
    column((r) => r.id),
    column((r) => r.workspaceId),
    column((r) => r.channelId),
    column((r) => r.externalId),
    column((r) => r.payload),
    column((r) => r.raw),
    column((r) => r.status),
    column((r) => r.error),
  ]);
  const insertedIds = new Set(inserted.map((r) => r.id));
  const conflicted = rows.filter((r) => !insertedIds.has(r.id));
  const stored = new Map<string, { id: string; status: string }>();
  if (conflicted.length > 0) {
    const found = await sqlRows<{ id: string; channelId: string; externalId: string; status: string }>(db, storedByKey, [
      conflicted.map((r) => r.channelId),
      conflicted.map((r) => r.externalId),
    ]);
    for (const f of found) stored.set(keyOf(f.channelId, f.externalId), { id: f.id, status: f.status });
  }
  return rows.map((r) => {
    if (insertedIds.has(r.id)) return { inserted: true, id: r.id };
    const existing = stored.get(keyOf(r.channelId, r.externalId));
    if (!existing) throw new Error(`inbound event ${r.channelId}/${r.externalId} conflicted on insert but is not stored`);
    return { inserted: false, ...existing };
  });
}

/**
 * One statement for all the rows; should it fail for a reason other than the database being away,
 * each row is tried alone, so one row Postgres refuses fails only its own request.
 */
export async function insertInboundEvents(db: Db, rows: InboundEventRow[]): Promise<Array<InsertOutcome | Error>> {
  try {
    return await insertBatch(db, rows);
  } catch (err) {
    if (rows.length === 1 || isDatabaseUnavailable(err)) throw err;
    return Promise.all(rows.map((r) => insertBatch(db, [r]).then((out) => out[0]!, (e: unknown) => (e instanceof Error ? e : new Error(String(e))))));
  }
}
