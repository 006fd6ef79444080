// Settings of a Telegram bot channel; the parts of Bot API updates Parley reads are in
// update-schema.ts (re-exported here).
import { z } from 'zod';
import { parseSettings, type SettingsResult } from '../parse-settings.ts';

export const telegramSettingsSchema = z.object({
  /** The token @BotFather gave: "123456789:AA...". */
  botToken: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, 'botToken must look like 123456789:AAE...'),
  /** Telegram sends it back in X-Telegram-Bot-Api-Secret-Token on every webhook call; Parley generates one when it registers the webhook. */
  webhookSecret: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, 'webhookSecret is 1-256 characters of A-Z, a-z, 0-9, _ and -')
    .optional(),
  /** No longer a channel setting: the Bot API server is the instance's (TELEGRAM_API_ROOT). */
  apiRoot: z.never({ message: 'apiRoot is not a channel setting: the Bot API server is set for the whole instance (TELEGRAM_API_ROOT)' }).optional(),
  /** Take messages from groups the bot is in; by default only private chats reach the inbox. */
  allowGroups: z.boolean().default(false),
  /** Long polling instead of the webhook (development): the worker process polls this bot. */
  polling: z.boolean().default(false),
  /** Largest file Parley downloads from this bot (the Bot API itself serves at most 20 MB). */
  maxFileBytes: z.number().int().positive().optional(),
});

export type TelegramSettings = z.infer<typeof telegramSettingsSchema>;

export const parseTelegramSettings = (raw: unknown): SettingsResult<TelegramSettings> => parseSettings(telegramSettingsSchema, raw, 'telegram channel');

export { telegramMessageSchema, telegramUpdateSchema, type TelegramMessage, type TelegramUpdate } from './update-schema.ts';

/** The update kinds Parley asks Telegram for (setWebhook / getUpdates `allowed_updates`); what else arrives is sorted by update-kinds.ts. */
export const allowedUpdates = ['message', 'edited_message'] as const;
