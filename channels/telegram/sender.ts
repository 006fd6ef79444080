// Who sent a Telegram message, as the contact's identity: the user, or the chat it was sent on
// behalf of (sender_chat: an anonymous group admin writes as the group, a channel's owner as the
// channel; `from` then holds a stand-in user such as @GroupAnonymousBot, or nothing). The reply
// goes to the chat the message came from (send.ts reads it from the message id), so a chat sender
// is answered where it wrote.
import type { TelegramChat, TelegramMessage, TelegramUser } from './update-schema.ts';

export interface TelegramSender {
  /** The user's or chat's id: stable, and what identities are keyed on. */
  address: string;
  name: string | null;
  reason: string;
}

const joined = (...parts: (string | null | undefined)[]): string => parts.filter((p) => p && p.trim() !== '').join(' ').trim();

export function userName(u: TelegramUser): string | null {
  return joined(u.first_name, u.last_name) || (u.username ? `@${u.username}` : null);
}

export function chatName(c: TelegramChat): string | null {
  return c.title?.trim() || joined(c.first_name, c.last_name) || (c.username ? `@${c.username}` : null);
}

/** The sender of a message, or null when it names none. */
export function senderOf(m: TelegramMessage): TelegramSender | null {
  if (m.sender_chat) return { address: String(m.sender_chat.id), name: chatName(m.sender_chat), reason: 'Telegram chat id from the bot API (sent on behalf of the chat)' };
  if (m.from) return { address: String(m.from.id), name: userName(m.from), reason: 'Telegram user id from the bot API' };
  return null;
}
