// Provider ids of Telegram messages. A message id is unique only within its chat, so both go in;
// every edit of a message is its own inbound item.
import type { TelegramUpdate } from './schema.ts';

export const messageExternalId = (chatId: number | string, messageId: number | string): string => `${chatId}:${messageId}`;

export const editExternalId = (chatId: number | string, messageId: number | string, editDate: number): string =>
  `${messageExternalId(chatId, messageId)}:edit:${editDate}`;

/** The chat a message id of ours or theirs belongs to ("-100123:45" -> "-100123"), or null. */
export function chatOf(externalId: string | null): string | null {
  return externalId?.match(/^(-?\d+):\d+(?::edit:\d+)?$/)?.[1] ?? null;
}

/** The InboundEvent key of an update: its message, its edit, else the update itself. */
export function updateExternalId(update: TelegramUpdate): string {
  if (update.message) return messageExternalId(update.message.chat.id, update.message.message_id);
  const edited = update.edited_message;
  if (edited) return editExternalId(edited.chat.id, edited.message_id, edited.edit_date ?? edited.date ?? 0);
  return `update:${update.update_id}`;
}
