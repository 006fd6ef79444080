// Points the bot's webhook at Parley with a secret Telegram sends back on every call
// (https://core.telegram.org/bots/api#setwebhook). The secret is generated once per channel.
import { randomBytes } from 'node:crypto';
import { TelegramError } from 'telegraf';
import { telegramClient } from './client.ts';
import { allowedUpdates, type TelegramSettings } from './schema.ts';

export const newWebhookSecret = (): string => randomBytes(32).toString('base64url');

export type RegisterOutcome = { ok: true } | { ok: false; error: string };

export async function registerTelegramWebhook(settings: TelegramSettings & { webhookSecret: string }, url: string, apiRoot: string): Promise<RegisterOutcome> {
  try {
    await telegramClient(settings, apiRoot).setWebhook(url, { secret_token: settings.webhookSecret, allowed_updates: [...allowedUpdates], drop_pending_updates: false });
    return { ok: true };
  } catch (err) {
    if (err instanceof TelegramError) return { ok: false, error: `Telegram refused the webhook: ${err.description} (${err.code})` };
    return { ok: false, error: `could not reach the Telegram Bot API: ${err instanceof Error ? err.message : String(err)}` };
  }
}
