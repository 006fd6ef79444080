// Points the bot's webhook at Parley with a secret Telegram sends back on every call
// (https://core.telegram.org/bots/api#setwebhook). The secret is generated once per channel.
import { randomBytes } from 'node:crypto';
import { TelegramError } from 'telegraf';
import type { Db } from '../../src/db/client.ts';
import { telegramClient } from './client.ts';
import { allowedUpdates, parseTelegramSettings, type TelegramSettings } from './schema.ts';

export const newWebhookSecret = (): string => randomBytes(32).toString('base64url');

export function telegramWebhookUrl(publicUrl: string, channelId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/webhooks/telegram/${encodeURIComponent(channelId)}`;
}

export type RegisterOutcome = { ok: true } | { ok: false; error: string };

export async function registerTelegramWebhook(settings: TelegramSettings & { webhookSecret: string }, url: string): Promise<RegisterOutcome> {
  try {
    await telegramClient(settings).setWebhook(url, { secret_token: settings.webhookSecret, allowed_updates: [...allowedUpdates], drop_pending_updates: false });
    return { ok: true };
  } catch (err) {
    if (err instanceof TelegramError) return { ok: false, error: `Telegram refused the webhook: ${err.description} (${err.code})` };
    return { ok: false, error: `could not reach the Telegram Bot API: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** Registers a channel's webhook, generating and saving its secret the first time. */
export async function registerChannelWebhook(
  deps: { db: Db },
  input: { channel: { id: string; settings: unknown }; publicUrl: string },
): Promise<{ ok: true; url: string } | { ok: false; error: string }> {
  const parsed = parseTelegramSettings(input.channel.settings);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const webhookSecret = parsed.settings.webhookSecret ?? newWebhookSecret();
  if (!parsed.settings.webhookSecret) {
    // Saved before Telegram hears of it, so no update can arrive with a secret we do not know.
    await deps.db.channel.update({ where: { id: input.channel.id }, data: { settings: { ...(input.channel.settings as Record<string, unknown>), webhookSecret } } });
  }
  const url = telegramWebhookUrl(input.publicUrl, input.channel.id);
  const outcome = await registerTelegramWebhook({ ...parsed.settings, webhookSecret }, url);
  return outcome.ok ? { ok: true, url } : outcome;
}
