// Step 1 of the inbound flow, shared by every edge: keep the raw payload durably, ignore a
// duplicate delivery, queue the ingest job. Redis being down never loses the event (the sweeper
// re-queues rows left in `received`).
import { exceedsJsonDepth, tooDeepMessage } from '../../../channels/json-depth.ts';
import type { Db } from '../../db/client.ts';
import { newId } from '../../db/new-id.ts';
import type { Logger } from '../../log.ts';
import type { Queues } from '../../queues.ts';
import { cleanForPostgres, cleanText } from './clean-for-postgres.ts';
import { insertInboundEvents, type InboundEventRow } from './insert-inbound-events.ts';
import { turnBatcher } from './turn-batcher.ts';

export interface AcceptInboundInput {
  workspaceId: string;
  channelId: string;
  externalId: string;
  raw?: Buffer;
  payload?: unknown;
}

export interface AcceptInboundResult {
  inboundEventId: string;
  duplicate: boolean;
  queued: boolean;
}

// Concurrent deliveries share one INSERT and one addBulk per turn of the event loop (turn-batcher.ts).
const insertJoined = turnBatcher((db: Db) => (rows: InboundEventRow[]) => insertInboundEvents(db, rows));
const enqueueJoined = turnBatcher((queues: Queues) => async (ids: string[]) => {
  await queues.enqueueMany('ingest', ids.map((inboundEventId) => ({ payload: { inboundEventId } })));
  return ids.map(() => true);
});

export async function acceptInboundEvent(deps: { db: Db; queues: Queues; log: Logger }, input: AcceptInboundInput): Promise<AcceptInboundResult> {
  const { payload, failure } = storablePayload(input);
  const outcome = await insertJoined(deps.db, {
    id: newId(),
    workspaceId: input.workspaceId,
    channelId: input.channelId,
    externalId: cleanText(input.externalId),
    payload: payload === undefined ? null : JSON.stringify(payload),
    raw: input.raw ?? null,
    // Nothing of it could be kept: failed at once with the reason, never queued (a poller moves on).
    status: failure ? 'failed' : 'received',
    error: failure,
  });
  if (outcome instanceof Error) throw outcome;
  const eventId = outcome.id;
  const duplicate = !outcome.inserted;
  if (!outcome.inserted) {
    deps.log.info({ inboundEventId: outcome.id, externalId: input.externalId }, 'duplicate inbound delivery ignored');
    // A provider retry of something we have not processed yet is a nudge worth taking.
    if (outcome.status !== 'received') return { inboundEventId: outcome.id, duplicate: true, queued: false };
  }
  if (failure) {
    deps.log.warn({ inboundEventId: eventId, error: failure }, 'inbound event kept as failed: it cannot be stored');
    return { inboundEventId: eventId, duplicate, queued: false };
  }
  const queued = await enqueueJoined(deps.queues, eventId).catch((err: unknown) => {
    deps.log.warn({ err, inboundEventId: eventId }, 'ingest queue unavailable; the sweeper will re-queue this event');
    return false;
  });
  return { inboundEventId: eventId, duplicate, queued };
}

/**
 * The payload as jsonb can hold it: without NUL characters or lone surrogates. One nested too
 * deeply for Prisma to serialise is left out: with the raw bytes kept, ingest records why it cannot
 * be read; without them (a polled update) the event is kept as failed with the reason.
 */
function storablePayload(input: AcceptInboundInput): { payload: unknown; failure: string | null } {
  if (input.payload === undefined) return { payload: undefined, failure: null };
  if (exceedsJsonDepth(input.payload)) return { payload: undefined, failure: input.raw ? null : `not stored: the payload is ${tooDeepMessage()}` };
  return { payload: cleanForPostgres(input.payload), failure: null };
}

export async function enqueueIngest(deps: { queues: Queues; log: Logger }, inboundEventId: string): Promise<boolean> {
  try {
    await deps.queues.enqueue('ingest', { inboundEventId });
    return true;
  } catch (err) {
    deps.log.warn({ err, inboundEventId }, 'ingest queue unavailable; the sweeper will re-queue this event');
    return false;
  }
}
