// Telegram's webhook (POST /webhooks/telegram/:channelId) and the admin call that registers it
// (POST /api/channels/:id/telegram/register-webhook). An update must carry the channel's secret
// token: without it the answer is 403, recorded as a rejected inbound event, and nothing of the
// update is kept. Accepted updates are stored before the 200, so Telegram's retries change nothing.
import { Hono, type Context } from 'hono';
import { limitBody } from '../body-limit.ts';
import { z } from 'zod';
import { acceptTelegramUpdate } from '../../../channels/telegram/accept-update.ts';
import { admitTelegramUpdate } from '../../../channels/telegram/admit-update.ts';
import { registerChannelWebhook, telegramWebhookUrl } from '../../../channels/telegram/register-webhook.ts';
import { parseTelegramSettings } from '../../../channels/telegram/schema.ts';
import { createHash } from 'node:crypto';
import { recordAudit } from '../../domain/audit/record-audit.ts';
import { acceptInboundEvent } from '../../domain/inbound/accept-inbound-event.ts';
import { toChannelConfig } from '../../domain/channels/channel-config.ts';
import { requireAdmin } from '../../domain/conversations/visibility.ts';
import { recordRejectedWebhook } from '../../domain/webhooks/record-rejected-webhook.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export function telegramWebhookRoutes(deps: AppDeps) {
  const app = new Hono();
  app.use('*', limitBody(MAX_BODY_BYTES, 'Webhook body'));
  app.post('/:channelId', (c) => receiveUpdate(deps, c));
  return app;
}

async function receiveUpdate(deps: AppDeps, c: Context) {
  const channel = await deps.db.channel.findFirst({ where: { id: c.req.param('channelId'), kind: 'telegram', active: true } });
  if (!channel) throw notFound('Telegram channel');
  const rawBody = Buffer.from(await c.req.arrayBuffer());
  const headers: Record<string, string> = {};
  c.req.raw.headers.forEach((value, key) => {
    headers[key.toLowerCase()] = value;
  });
  const url = telegramWebhookUrl(deps.config.PUBLIC_URL, channel.id);
  const adapter = deps.adapterFor('telegram');
  const verdict = adapter.verify?.({ rawBody, url, headers, now: deps.clock.now() }, toChannelConfig(channel)) ?? { ok: false as const, reason: 'the telegram adapter cannot verify requests' };
  if (!verdict.ok) {
    // Recorded for admins with its reason; the update itself is not kept.
    await recordRejectedWebhook(deps, { channel, reason: verdict.reason, url, params: {}, now: deps.clock.now() });
    throw new AppError('forbidden', 'Missing or wrong X-Telegram-Bot-Api-Secret-Token');
  }
  const parsed = parseTelegramSettings(channel.settings);
  const settings = parsed.ok ? parsed.settings : { allowGroups: false };
  let update: unknown;
  try {
    update = JSON.parse(rawBody.toString('utf8'));
  } catch {
    // Kept as bytes: the ingest worker records why it cannot be read, for an admin to see.
    const externalId = `unreadable:${createHash('sha256').update(rawBody).digest('hex')}`;
    await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId, raw: rawBody });
    return c.json({ ok: true });
  }
  if (!admitTelegramUpdate(update, settings).admit) return c.json({ ok: true, ignored: true });
  await acceptTelegramUpdate(deps, { channel, settings, update });
  return c.json({ ok: true });
}

export function telegramAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.post('/channels/:id/telegram/register-webhook', requireAuth(deps), validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const viewer = c.get('viewer');
    requireAdmin(viewer, 'register a Telegram webhook');
    const channel = await deps.db.channel.findFirst({ where: { id: c.req.valid('param').id, workspaceId: viewer.workspaceId, kind: 'telegram' } });
    if (!channel) throw notFound('Telegram channel');
    const outcome = await registerChannelWebhook(deps, { channel, publicUrl: deps.config.PUBLIC_URL });
    if (!outcome.ok) throw new AppError('unprocessable', outcome.error);
    await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'channel.webhook.register', targetType: 'channel', targetId: channel.id, data: { url: outcome.url } });
    return c.json({ url: outcome.url, registered: true });
  });
  return app;
}
