// The ingest worker's first step: count the attempt on a stored event still waiting to be
// processed and read it with its channel, in one SQL statement (Prisma needed a transaction of
// four for the same); the jobs of a burst claim their events together, one statement per batch.
import type { Channel, Db, InboundEvent } from '../../db/client.ts';
import { allOk, laneBatcher } from '../../db/lane-batcher.ts';
import { sqlRows } from '../../db/sql.ts';

// Timestamps are UTC in "timestamp without time zone" columns (Prisma's convention): AT TIME ZONE
// 'UTC' hands pg an instant it reads correctly whatever the session's time zone.
const claimSql = {
  name: 'claim-inbound-events-v1',
  text: `
UPDATE "InboundEvent" e SET "attempts" = e."attempts" + 1
FROM "Channel" c
WHERE e."id" = ANY($1::text[]) AND e."status" = 'received' AND c."id" = e."channelId"
RETURNING e."id", e."workspaceId", e."channelId", e."externalId", e."status"::text AS "status", e."payload", e."raw", e."error",
  e."attempts", e."messageId", e."receivedAt" AT TIME ZONE 'UTC' AS "receivedAt", e."processedAt" AT TIME ZONE 'UTC' AS "processedAt",
  c."workspaceId" AS "channelWorkspaceId", c."kind" AS "channelKind", c."name" AS "channelName", c."address" AS "channelAddress",
  c."settings" AS "channelSettings", c."state" AS "channelState", c."active" AS "channelActive",
  c."createdAt" AT TIME ZONE 'UTC' AS "channelCreatedAt", c."updatedAt" AT TIME ZONE 'UTC' AS "channelUpdatedAt"`,
};

type ClaimRow = InboundEvent & {
  channelWorkspaceId: string;
  channelKind: string;
  channelName: string;
  channelAddress: string;
  channelSettings: Channel['settings'];
  channelState: Channel['state'];
  channelActive: boolean;
  channelCreatedAt: Date;
  channelUpdatedAt: Date;
};

export type ClaimedInboundEvent = InboundEvent & { channel: Channel };

async function claimAll(db: Db, ids: string[]): Promise<(ClaimedInboundEvent | null)[]> {
  const rows = await sqlRows<ClaimRow>(db, claimSql, [ids]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // An id asked twice in one batch (a job and its duplicate) is claimed once: the second hears null.
  return ids.map((id) => {
    const row = byId.get(id);
    byId.delete(id);
    return row ? toClaimed(row) : null;
  });
}

const claimJoined = laneBatcher(async (db: Db, ids: string[]) => allOk(await claimAll(db, ids)), { maxBatch: 64, maxInFlight: 2 });

/** The event with its attempt counted, or null when there is no such event or it is no longer `received`. */
export function claimInboundEvent(db: Db, inboundEventId: string): Promise<ClaimedInboundEvent | null> {
  return claimJoined(db, inboundEventId);
}

function toClaimed(row: ClaimRow): ClaimedInboundEvent {
  const { channelWorkspaceId, channelKind, channelName, channelAddress, channelSettings, channelState, channelActive, channelCreatedAt, channelUpdatedAt, ...event } = row;
  const channel: Channel = {
    id: event.channelId,
    workspaceId: channelWorkspaceId,
    kind: channelKind,
    name: channelName,
    address: channelAddress,
    settings: channelSettings,
    state: channelState,
    active: channelActive,
    createdAt: channelCreatedAt,
    updatedAt: channelUpdatedAt,
  };
  return { ...event, channel };
}
