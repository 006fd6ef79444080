// telegraf's Bot API client for one channel's settings: created per call from the channel's
// credentials, pointed at the instance's Bot API server (TELEGRAM_API_ROOT: Telegram, a self-hosted
// Bot API server, a test fake).
import { Telegram } from 'telegraf';
import type { TelegramSettings } from './schema.ts';

export function telegramClient(settings: Pick<TelegramSettings, 'botToken'>, apiRoot: string): Telegram {
  return new Telegram(settings.botToken, { apiRoot });
}
