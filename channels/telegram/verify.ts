// Telegram signs nothing; it sends back the secret_token we gave setWebhook in the
// X-Telegram-Bot-Api-Secret-Token header (https://core.telegram.org/bots/api#setwebhook).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ChannelConfig, Verdict, VerifyInput } from '../types.ts';
import { parseTelegramSettings } from './schema.ts';

export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

// Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (s: string) => createHash('sha256').update(s).digest();

export function verifyTelegramRequest(input: VerifyInput, channel: ChannelConfig): Verdict {
  const parsed = parseTelegramSettings(channel.settings);
  if (!parsed.ok) return { ok: false, reason: parsed.error };
  const expected = parsed.settings.webhookSecret;
  if (!expected) return { ok: false, reason: 'the channel has no webhook secret yet: register the webhook first' };
  const given = input.headers[SECRET_HEADER];
  if (!given) return { ok: false, reason: 'missing X-Telegram-Bot-Api-Secret-Token header' };
  if (!timingSafeEqual(digest(given), digest(expected))) return { ok: false, reason: 'wrong X-Telegram-Bot-Api-Secret-Token' };
  return { ok: true };
}
