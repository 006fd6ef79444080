// Settings of a Telegram bot channel, and the parts of Bot API updates Parley reads
// (https://core.telegram.org/bots/api#update). Unknown fields are ignored, never rejected.
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

const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const chat = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
});

const fileFields = { file_id: z.string().min(1), file_unique_id: z.string().min(1), file_size: z.number().int().nonnegative().optional() };

const photoSize = z.object({ ...fileFields, width: z.number().int(), height: z.number().int() });
const namedFile = z.object({ ...fileFields, file_name: z.string().optional(), mime_type: z.string().optional() });
const timedFile = namedFile.extend({ duration: z.number().int().nonnegative().optional() });
const sticker = z.object({ ...fileFields, emoji: z.string().optional(), is_animated: z.boolean().optional(), is_video: z.boolean().optional() });
const location = z.object({ latitude: z.number(), longitude: z.number() });

const repliedTo = z.object({ message_id: z.number().int(), text: z.string().optional(), caption: z.string().optional() });

export const telegramMessageSchema = z.object({
  message_id: z.number().int(),
  from: user.optional(),
  chat,
  date: z.number().int(),
  edit_date: z.number().int().optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  reply_to_message: repliedTo.optional(),
  photo: z.array(photoSize).optional(),
  document: namedFile.optional(),
  voice: timedFile.optional(),
  audio: timedFile.optional(),
  video: timedFile.optional(),
  video_note: timedFile.optional(),
  animation: namedFile.optional(),
  sticker: sticker.optional(),
  location: location.optional(),
  venue: z.object({ location, title: z.string(), address: z.string() }).optional(),
  contact: z
    .object({ phone_number: z.string(), first_name: z.string(), last_name: z.string().optional(), user_id: z.number().int().optional() })
    .optional(),
});

export const telegramUpdateSchema = z.object({
  update_id: z.number().int(),
  message: telegramMessageSchema.optional(),
  edited_message: telegramMessageSchema.optional(),
});

export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;

/** The update kinds Parley asks Telegram for (setWebhook / getUpdates `allowed_updates`). */
export const allowedUpdates = ['message', 'edited_message'] as const;
