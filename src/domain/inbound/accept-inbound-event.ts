// Step 1 of the inbound flow, shared by every edge: keep the raw payload durably, ignore a
// duplicate delivery, queue the ingest job. Redis being down never loses the event (the sweeper
// re-queues rows left in `received`).
import { exceedsJsonDepth, tooDeepMessage } from '../../../channels/json-depth.ts';
import { Prisma, type Db } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import type { Queues } from '../../queues.ts';
import { cleanForPostgres, cleanText } from './clean-for-postgres.ts';

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

export async function acceptInboundEvent(deps: { db: Db; queues: Queues; log: Logger }, input: AcceptInboundInput): Promise<AcceptInboundResult> {
  const { db } = deps;
  const { payload, failure } = storablePayload(input);
  let eventId: string;
  let duplicate = false;
  try {
    const created = await db.inboundEvent.create({
      data: {
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        externalId: cleanText(input.externalId),
        raw: input.raw ? new Uint8Array(input.raw) : null,
        payload: payload === undefined ? Prisma.DbNull : (payload as Prisma.InputJsonValue),
        // Nothing of it could be kept: failed at once with the reason, never queued (a poller moves on).
        ...(failure ? { status: 'failed' as const, error: failure, processedAt: new Date() } : {}),
      },
      select: { id: true },
    });
    eventId = created.id;
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
    const existing = await db.inboundEvent.findUniqueOrThrow({
      where: { channelId_externalId: { channelId: input.channelId, externalId: cleanText(input.externalId) } },
      select: { id: true, status: true },
    });
    deps.log.info({ inboundEventId: existing.id, externalId: input.externalId }, 'duplicate inbound delivery ignored');
    // A provider retry of something we have not processed yet is a nudge worth taking.
    if (existing.status !== 'received') return { inboundEventId: existing.id, duplicate: true, queued: false };
    eventId = existing.id;
    duplicate = true;
  }
  if (failure) {
    deps.log.warn({ inboundEventId: eventId, error: failure }, 'inbound event kept as failed: it cannot be stored');
    return { inboundEventId: eventId, duplicate, queued: false };
  }
  const queued = await enqueueIngest(deps, eventId);
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
