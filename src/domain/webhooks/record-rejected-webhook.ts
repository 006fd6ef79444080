// A webhook request that failed verification is kept as a `rejected` inbound event, so an admin
// sees it (GET /api/inbound-events?status=rejected) with the reason. It is never processed or
// retried, and its key is its own, so it cannot shadow the genuine event it may imitate. A flood
// of forged requests is kept only up to a number per channel and minute; the rest is logged.
import { randomUUID } from 'node:crypto';
import type { Channel, Db, Prisma } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import type { RealtimePublisher } from '../../realtime/events.ts';
import { cleanForPostgres, cleanText } from '../inbound/clean-for-postgres.ts';
import { publishInboundFailure } from '../inbound/publish-inbound-failure.ts';

const MAX_KEPT_PARAMS_BYTES = 16 * 1024;
/** Rejected requests kept per channel per minute (enough for an admin to see what is going on). */
export const MAX_REJECTED_KEPT_PER_MINUTE = 30;

export async function recordRejectedWebhook(
  deps: { db: Db; log: Logger; publisher: RealtimePublisher },
  input: { channel: Channel; reason: string; url: string; params: Record<string, string>; now: Date },
): Promise<string | null> {
  const paramsJson = JSON.stringify(input.params);
  const params = paramsJson.length <= MAX_KEPT_PARAMS_BYTES ? input.params : { truncated: paramsJson.slice(0, MAX_KEPT_PARAMS_BYTES) };
  const row = await keepWithinCap(deps.db, input, cleanForPostgres({ url: input.url, params }));
  if (!row) {
    deps.log.warn({ channelId: input.channel.id, reason: input.reason }, 'webhook request rejected (not kept: too many this minute)');
    return null;
  }
  deps.log.warn({ inboundEventId: row.id, channelId: input.channel.id, reason: input.reason }, 'webhook request rejected');
  await publishInboundFailure(deps, row.id);
  return row.id;
}

/** Inserts the rejected event unless the channel's minute is full; null when it is. */
async function keepWithinCap(db: Db, input: { channel: Channel; reason: string; now: Date }, payload: Prisma.InputJsonValue): Promise<{ id: string } | null> {
  const recentWhere = { channelId: input.channel.id, status: 'rejected' as const, receivedAt: { gte: new Date(input.now.getTime() - 60_000) } };
  // A flood past the cap costs one count and takes no lock.
  if ((await db.inboundEvent.count({ where: recentWhere })) >= MAX_REJECTED_KEPT_PER_MINUTE) return null;
  // Count again and insert under one lock per channel: checked apart, 300 concurrent forgeries all saw room.
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`rejected-webhook:${input.channel.id}`}))`;
    if ((await tx.inboundEvent.count({ where: recentWhere })) >= MAX_REJECTED_KEPT_PER_MINUTE) return null;
    return tx.inboundEvent.create({
      data: {
        workspaceId: input.channel.workspaceId,
        channelId: input.channel.id,
        externalId: `rejected:${randomUUID()}`,
        status: 'rejected',
        payload,
        error: cleanText(input.reason),
        receivedAt: input.now,
        processedAt: input.now,
      },
      select: { id: true },
    });
  });
}
