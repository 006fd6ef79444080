// Telegram's webhook (/webhooks/telegram/<channel id>): an update must carry the channel's secret
// token (verify.ts); what admitTelegramUpdate admits is kept under its message id before the 200,
// so Telegram's retries change nothing. Parley registers the URL itself (setWebhook) with a
// secret it generates once per channel.
import { createHash } from 'node:crypto';
import type { ChannelWebhook, HttpAnswer } from '../types.ts';
import { admitTelegramUpdate } from './admit-update.ts';
import { newWebhookSecret, registerTelegramWebhook } from './register-webhook.ts';
import { parseTelegramSettings } from './schema.ts';

const json = (body: unknown): HttpAnswer => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });

export const telegramWebhook = (apiRoot: string): ChannelWebhook => ({
  steps: [''],
  maxBodyBytes: 1024 * 1024,
  // Nothing of a forged update is kept, only that it came and why it was refused.
  rejectedDetails: () => ({}),
  async receive(req, channel) {
    let update: unknown;
    try {
      update = JSON.parse(req.rawBody.toString('utf8'));
    } catch {
      // Kept as bytes: the ingest worker records why it cannot be read, for an admin to see.
      return { events: [{ key: `unreadable:${createHash('sha256').update(req.rawBody).digest('hex')}`, raw: req.rawBody }], answer: json({ ok: true }) };
    }
    const parsed = parseTelegramSettings(channel.settings);
    const admission = admitTelegramUpdate(update, parsed.ok ? parsed.settings : { allowGroups: false });
    if (!admission.admit) return { events: [], answer: json({ ok: true, ignored: true }) };
    return { events: [{ key: admission.externalId, payload: update }], answer: json({ ok: true }) };
  },
  registration: {
    prepare(settings) {
      const parsed = parseTelegramSettings(settings);
      return parsed.ok && parsed.settings.webhookSecret ? null : { webhookSecret: newWebhookSecret() };
    },
    async register(settings, url) {
      const parsed = parseTelegramSettings(settings);
      if (!parsed.ok) return { ok: false, reason: parsed.error };
      if (!parsed.settings.webhookSecret) return { ok: false, reason: 'the channel has no webhook secret' };
      const outcome = await registerTelegramWebhook({ ...parsed.settings, webhookSecret: parsed.settings.webhookSecret }, url, apiRoot);
      return outcome.ok ? { ok: true } : { ok: false, reason: outcome.error };
    },
  },
});
