// Bot API failures as SendResult: 429 waits `retry_after` (https://core.telegram.org/bots/faq#my-bot-is-hitting-limits-how-do-i-avoid-this),
// 403 means the user blocked the bot (or never started it), other 4xx will not change on retry.
import { TelegramError } from 'telegraf';
import type { SendResult } from '../types.ts';

export function classifyTelegramError(err: unknown): SendResult & { ok: false } {
  if (err instanceof TelegramError) {
    const code = err.code;
    const error = err.description || err.message;
    if (code === 429) {
      const seconds = err.parameters?.retry_after ?? 1;
      return { ok: false, permanent: false, error: `Telegram rate limit: ${error}`, code: '429', retryAfterMs: Math.max(1, seconds) * 1000 };
    }
    if (code === 403) return { ok: false, permanent: true, unreachable: true, error, code: '403' };
    if (code >= 400 && code < 500) return { ok: false, permanent: true, error, code: String(code) };
    return { ok: false, permanent: false, error, code: String(code) };
  }
  // Network failures (refused, reset, timeout) are worth another try.
  const message = err instanceof Error ? err.message : String(err);
  return { ok: false, permanent: false, error: `could not reach the Telegram Bot API: ${message}`, code: (err as { code?: string })?.code ?? null };
}
