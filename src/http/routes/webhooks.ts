// Every channel's webhooks, one route: POST /webhooks/<kind>/<channel id>[/<step>], plus the older
// URLs adapters still answer (e.g. /webhooks/twilio/messages), which find the channel by what the
// request names. What is checked, kept and answered is the adapter's (receive-webhook.ts).
import { Hono, type Context } from 'hono';
import { maxWebhookBodyBytes, receiveWebhook, webhookAliases, webhookKindLabel, type WebhookFound, type WebhookTarget } from '../../domain/inbound/receive-webhook.ts';
import { AppError, type AppErrorCode } from '../../errors.ts';
import type { WebhookOutcome } from '../../metrics/metrics.ts';
import { isDatabaseUnavailable } from '../../db/unavailable.ts';
import { limitBody } from '../body-limit.ts';
import type { AppDeps } from '../context.ts';
import { publicBaseUrl } from '../public-url.ts';

/** How a refused request counts in parley_webhooks_total. */
const OUTCOME_BY_CODE: Partial<Record<AppErrorCode, WebhookOutcome>> = {
  forbidden: 'bad_signature',
  not_found: 'unknown_channel',
  bad_request: 'refused',
  payload_too_large: 'refused',
  unsupported_media_type: 'refused',
  unavailable: 'unavailable',
};

async function serve(deps: AppDeps, c: Context, target: WebhookTarget) {
  const found: WebhookFound = {};
  try {
    const { answer, allDuplicates } = await receive(deps, c, target, found);
    deps.metrics.webhook(webhookKindLabel(target, found), allDuplicates ? 'duplicate' : 'accepted');
    return c.body(answer.body, answer.status as 200, { 'content-type': answer.contentType });
  } catch (err) {
    const outcome = err instanceof AppError ? OUTCOME_BY_CODE[err.code] : isDatabaseUnavailable(err) ? 'unavailable' : undefined;
    deps.metrics.webhook(webhookKindLabel(target, found), outcome ?? 'error');
    throw err;
  }
}

async function receive(deps: AppDeps, c: Context, target: WebhookTarget, found: WebhookFound) {
  const rawBody = Buffer.from(await c.req.arrayBuffer());
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const requested = new URL(c.req.url);
  const baseUrl = publicBaseUrl(requested, headers, deps.config);
  return withinDeadline(deps.config.WEBHOOK_DEADLINE_MS, receiveWebhook(deps, target, { rawBody, headers, baseUrl, url: `${baseUrl}${requested.pathname}${requested.search}` }, found));
}

/**
 * Providers give up on a webhook after a few seconds and retry later: one not stored by then is
 * answered 503 (Retry-After) rather than left hanging on a database that went silent. Should it be
 * stored after all, the provider's retry is recognised by its key and ignored.
 */
async function withinDeadline<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('unavailable', 'The event could not be stored in time; try again shortly')), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
  }
}

export function webhookRoutes(deps: AppDeps) {
  const app = new Hono();
  app.use('*', limitBody(maxWebhookBodyBytes, 'Webhook body'));
  // Older shared URLs first: their paths would otherwise read as /<kind>/<channel id>.
  for (const alias of webhookAliases) app.post(`/${alias}`, (c) => serve(deps, c, { alias }));
  app.post('/:kind/:channelId', (c) => serve(deps, c, { kind: c.req.param('kind'), channelId: c.req.param('channelId'), step: '' }));
  app.post('/:kind/:channelId/:step', (c) => serve(deps, c, { kind: c.req.param('kind'), channelId: c.req.param('channelId'), step: c.req.param('step') }));
  return app;
}
