// A webhook request that failed verification is kept as a `rejected` inbound event, so an admin
// sees it (GET /api/inbound-events?status=rejected) with the reason. It is never processed or
// retried, and its key is its own, so it cannot shadow the genuine event it may imitate. A flood
// of forged requests is kept only up to a number per channel and minute; the rest is logged.
import { randomUUID } from 'node:crypto';
import type { Channel, Db } from '../../db/client.ts';
import type { Logger } from '../../log.ts';
import type { RealtimePublisher } from '../../realtime/events.ts';
import { publishInboundFailure } from '../inbound/publish-inbound-failure.ts';

const MAX_KEPT_PARAMS_BYTES = 16 * 1024;
/** Rejected requests kept per channel per minute (enough for an admin to see what is going on). */
export const MAX_REJECTED_KEPT_PER_MINUTE = 30;

export async function recordRejectedWebhook(
  deps: { db: Db; log: Logger; publisher: RealtimePublisher },
  input: { channel: Channel; reason: string; url: string; params: Record<string, string>; now: Date },
): Promise<string | null> {
  const recent = await deps.db.inboundEvent.count({
    where: { channelId: input.channel.id, status: 'rejected', receivedAt: { gte: new Date(input.now.getTime() - 60_000) } },
  });
  if (recent >= MAX_REJECTED_KEPT_PER_MINUTE) {
    deps.log.warn({ channelId: input.channel.id, reason: input.reason }, 'webhook request rejected (not kept: too many this minute)');
    return null;
  }
  const paramsJson = JSON.stringify(input.params);
  const params = paramsJson.length <= MAX_KEPT_PARAMS_BYTES ? input.params : { truncated: paramsJson.slice(0, MAX_KEPT_PARAMS_BYTES) };
  const row = await deps.db.inboundEvent.create({
    data: {
      workspaceId: input.channel.workspaceId,
      channelId: input.channel.id,
      externalId: `rejected:${randomUUID()}`,
      status: 'rejected',
      payload: { url: input.url, params },
      error: input.reason,
      receivedAt: input.now,
      processedAt: input.now,
    },
    select: { id: true },
  });
  deps.log.warn({ inboundEventId: row.id, channelId: input.channel.id, reason: input.reason }, 'webhook request rejected');
  await publishInboundFailure(deps, row.id);
  return row.id;
}
