// Step 1 of the inbound flow, shared by every edge: keep the raw payload durably, ignore a
// duplicate delivery, queue the ingest job. Redis being down never loses the event (the sweeper
// re-queues rows left in `received`).
import { Prisma, type Db } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import type { Queues } from '../../queues.ts';

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
  let eventId: string;
  let duplicate = false;
  try {
    const created = await db.inboundEvent.create({
      data: {
        workspaceId: input.workspaceId,
        channelId: input.channelId,
        externalId: input.externalId,
        raw: input.raw ? new Uint8Array(input.raw) : null,
        payload: input.payload === undefined ? Prisma.DbNull : (input.payload as Prisma.InputJsonValue),
      },
      select: { id: true },
    });
    eventId = created.id;
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
    const existing = await db.inboundEvent.findUniqueOrThrow({
      where: { channelId_externalId: { channelId: input.channelId, externalId: input.externalId } },
      select: { id: true, status: true },
    });
    deps.log.info({ inboundEventId: existing.id, externalId: input.externalId }, 'duplicate inbound delivery ignored');
    // A provider retry of something we have not processed yet is a nudge worth taking.
    if (existing.status !== 'received') return { inboundEventId: existing.id, duplicate: true, queued: false };
    eventId = existing.id;
    duplicate = true;
  }
  const queued = await enqueueIngest(deps, eventId);
  return { inboundEventId: eventId, duplicate, queued };
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
