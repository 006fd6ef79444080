// The parts of a Bot API Update Parley reads (https://core.telegram.org/bots/api#update), read
// leniently: only update_id and the ids Parley keys on (message_id, chat.id, a sender's id, a
// file's file_id) are required. Every other field may be absent, null (clients and bridges write
// absent fields as null) or of an odd shape: it is then read as absent, never a refusal. Unknown
// fields and update kinds pass through (the raw update is what is stored).
import { z } from 'zod';

/** A field Parley uses but does not need: null, absent or malformed all read as absent. */
const maybe = <T extends z.ZodType>(schema: T) => schema.nullish().catch(undefined);
const text = maybe(z.string());
const int = maybe(z.number().int());
const num = maybe(z.number());
const flag = maybe(z.boolean());

export const telegramUserSchema = z.looseObject({
  id: z.number().int(),
  is_bot: flag,
  first_name: text,
  last_name: text,
  username: text,
  language_code: text,
});

export const telegramChatSchema = z.looseObject({
  id: z.number().int(),
  /** private, group, supergroup or channel; an unknown type is kept as sent. */
  type: text,
  title: text,
  username: text,
  first_name: text,
  last_name: text,
});

const fileFields = { file_id: z.string().min(1), file_unique_id: text, file_size: maybe(z.number().int().nonnegative()) };

const photoSize = z.looseObject({ ...fileFields, width: int, height: int });
const namedFile = z.looseObject({ ...fileFields, file_name: text, mime_type: text });
const timedFile = namedFile.extend({ duration: maybe(z.number().int().nonnegative()) });
const audioFile = timedFile.extend({ performer: text, title: text });
const sticker = z.looseObject({ ...fileFields, emoji: text, is_animated: flag, is_video: flag });
const location = z.looseObject({ latitude: z.number(), longitude: z.number(), live_period: int, horizontal_accuracy: num });
const list = <T extends z.ZodType>(item: T) => maybe(z.array(item.nullable().catch(null)).transform((xs) => xs.filter((x): x is NonNullable<typeof x> => x != null)));

/** Where a forwarded message or an external reply comes from (https://core.telegram.org/bots/api#messageorigin). */
const messageOrigin = z.looseObject({
  type: text,
  date: int,
  sender_user: maybe(telegramUserSchema),
  sender_user_name: text,
  sender_chat: maybe(telegramChatSchema),
  chat: maybe(telegramChatSchema),
  author_signature: text,
});

const story = z.looseObject({ chat: maybe(telegramChatSchema), id: int });
const amount = { currency: text, total_amount: int };

/** What a message carries besides text: shared by a message and the external message it replies to. */
const contentFields = {
  photo: list(photoSize),
  document: maybe(namedFile),
  voice: maybe(timedFile),
  audio: maybe(audioFile),
  video: maybe(timedFile),
  video_note: maybe(timedFile),
  animation: maybe(namedFile),
  sticker: maybe(sticker),
  location: maybe(location),
  venue: maybe(z.looseObject({ location, title: text, address: text })),
  contact: maybe(z.looseObject({ phone_number: text, first_name: text, last_name: text, user_id: int })),
  poll: maybe(z.looseObject({ question: text, type: text, options: list(z.looseObject({ text: text, voter_count: int })), is_closed: flag })),
  dice: maybe(z.looseObject({ emoji: text, value: int })),
  story: maybe(story),
  game: maybe(z.looseObject({ title: text, description: text })),
  invoice: maybe(z.looseObject({ title: text, description: text, ...amount })),
  giveaway: maybe(
    z.looseObject({ winner_count: int, winners_selection_date: int, prize_description: text, prize_star_count: int, premium_subscription_month_count: int, chats: list(telegramChatSchema) }),
  ),
  giveaway_winners: maybe(z.looseObject({ winner_count: int, prize_description: text, winners: list(telegramUserSchema) })),
  paid_media: maybe(z.looseObject({ star_count: int, paid_media: list(z.looseObject({ type: text })) })),
  checklist: maybe(z.looseObject({ title: text, tasks: list(z.looseObject({ text: text, completed_by_user: maybe(telegramUserSchema) })) })),
};

const repliedTo = z.looseObject({ message_id: z.number().int(), text, caption: text });

export const telegramMessageSchema = z.looseObject({
  message_id: z.number().int(),
  from: maybe(telegramUserSchema),
  /** Who sent it when it was sent on behalf of a chat: an anonymous group admin (the group), a channel. */
  sender_chat: maybe(telegramChatSchema),
  chat: telegramChatSchema,
  date: int,
  edit_date: int,
  media_group_id: text,
  is_automatic_forward: flag,
  text,
  caption: text,
  reply_to_message: maybe(repliedTo),
  quote: maybe(z.looseObject({ text })),
  external_reply: maybe(z.looseObject({ origin: maybe(messageOrigin), chat: maybe(telegramChatSchema), ...contentFields })),
  reply_to_story: maybe(story),
  forward_origin: maybe(messageOrigin),
  /** Forwards as described before Bot API 7.0; bridges still send them. */
  forward_from: maybe(telegramUserSchema),
  forward_from_chat: maybe(telegramChatSchema),
  forward_sender_name: text,
  successful_payment: maybe(z.looseObject({ ...amount, invoice_payload: text })),
  ...contentFields,
});

export const telegramUpdateSchema = z.looseObject({
  update_id: z.number().int(),
  message: telegramMessageSchema.nullish(),
  edited_message: telegramMessageSchema.nullish(),
});

export type TelegramUser = z.infer<typeof telegramUserSchema>;
export type TelegramChat = z.infer<typeof telegramChatSchema>;
export type TelegramMessage = z.infer<typeof telegramMessageSchema>;
export type TelegramMessageOrigin = z.infer<typeof messageOrigin>;
export type TelegramUpdate = z.infer<typeof telegramUpdateSchema>;
