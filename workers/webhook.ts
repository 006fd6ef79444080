// Webhook processor: POSTs one outgoing webhook delivery. A retriable failure waits on the job
// itself (moved to delayed for the policy's wait, without spending a BullMQ attempt), so one job
// covers a whole run of attempts; BullMQ's own attempts only cover errors thrown (the database away).
import { DelayedError, type Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { deliverWebhook, type WebhookDeliveryOptions } from '../src/domain/outgoing-webhooks/deliver-webhook.ts';
import { queueCatalog } from '../src/queues.ts';

export function webhookProcessor(deps: Deps, opts: WebhookDeliveryOptions) {
  return async (job: Job, token?: string) => {
    const { deliveryId } = queueCatalog.webhook.payload.parse(job.data);
    const outcome = await deliverWebhook(deps, deliveryId, opts);
    if (outcome.status === 'retrying') {
      if (!token) throw new Error(`next attempt in ${outcome.delayMs} ms`);
      await job.moveToDelayed(Date.now() + outcome.delayMs, token);
      throw new DelayedError();
    }
    return outcome;
  };
}
