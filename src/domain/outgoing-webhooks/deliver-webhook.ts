// The webhook worker's one domain call: POST a pending delivery once and record the attempt on
// its row (status code, a short excerpt of the answer, the error). A retriable failure leaves it
// pending with the time of the next attempt, from the policy's waits (1 min, 5 min, 30 min ...);
// a permanent one, or the last attempt of the run, fails it. An admin's replay starts a new run.
import type { Deps } from '../../deps.ts';
import { postWebhook, type PostOutcome } from './post-webhook.ts';

export interface WebhookRetryPolicy {
  /** Waits after the 1st, 2nd ... failure of a run; the last one repeats. */
  delaysMs: readonly number[];
  /** Attempts per run, the first included. */
  maxAttempts: number;
}

export interface WebhookDeliveryOptions {
  retry: WebhookRetryPolicy;
  allowPrivate: boolean;
  timeoutMs: number;
}

export type WebhookDeliveryOutcome =
  | { status: 'skipped'; reason: string }
  | { status: 'succeeded'; statusCode: number }
  | { status: 'retrying'; delayMs: number; error: string }
  | { status: 'failed'; error: string };

/** The wait after the n-th failure of a run (n from 1). */
export function webhookRetryDelayMs(failures: number, policy: WebhookRetryPolicy): number {
  const { delaysMs } = policy;
  return delaysMs[Math.min(failures, delaysMs.length) - 1] ?? delaysMs[delaysMs.length - 1] ?? 60_000;
}

const MAX_ERROR = 500;

export async function deliverWebhook(deps: Pick<Deps, 'db' | 'clock'>, deliveryId: string, opts: WebhookDeliveryOptions): Promise<WebhookDeliveryOutcome> {
  const delivery = await deps.db.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { endpoint: true } });
  if (!delivery) return { status: 'skipped', reason: 'no such delivery (its endpoint was deleted)' };
  if (delivery.status !== 'pending') return { status: 'skipped', reason: `already ${delivery.status}` };
  const now = deps.clock.now();
  const result: PostOutcome = delivery.endpoint.active
    ? await postWebhook(
        { url: delivery.endpoint.url, secret: delivery.endpoint.secret, deliveryId: delivery.id, eventType: delivery.eventType, body: JSON.stringify(delivery.payload) },
        { allowPrivate: opts.allowPrivate, timeoutMs: opts.timeoutMs, now },
      )
    : { ok: false, permanent: true, status: null, excerpt: null, error: 'the endpoint is disabled' };
  const attempts = delivery.attempts + (delivery.endpoint.active ? 1 : 0);
  const finishedAt = deps.clock.now();
  const base = { attempts, lastAttemptAt: finishedAt, lastStatusCode: result.status, lastResponseExcerpt: result.excerpt };
  let outcome: WebhookDeliveryOutcome;
  let data;
  if (result.ok) {
    outcome = { status: 'succeeded', statusCode: result.status };
    data = { ...base, status: 'succeeded', lastError: null, nextAttemptAt: null, completedAt: finishedAt };
  } else {
    const error = result.error.slice(0, MAX_ERROR);
    const failures = attempts - delivery.runStartAttempts;
    if (result.permanent || failures >= opts.retry.maxAttempts) {
      outcome = { status: 'failed', error };
      data = { ...base, status: 'failed', lastError: result.permanent ? error : `${error} (gave up after ${failures} attempts)`, nextAttemptAt: null, completedAt: finishedAt };
    } else {
      const delayMs = webhookRetryDelayMs(failures, opts.retry);
      outcome = { status: 'retrying', delayMs, error };
      data = { ...base, status: 'pending', lastError: error, nextAttemptAt: new Date(finishedAt.getTime() + delayMs) };
    }
  }
  // Only from pending: a delete or a second worker meanwhile leaves nothing to write.
  const { count } = await deps.db.webhookDelivery.updateMany({ where: { id: delivery.id, status: 'pending', attempts: delivery.attempts }, data });
  return count === 0 ? { status: 'skipped', reason: 'changed while it was being sent' } : outcome;
}
