// Outbound Telegram: files (sendPhoto / sendDocument) then text (sendMessage, split at Telegram's
// 4096-character limit). The reply goes to the chat the customer last wrote from, so a group
// conversation is answered in the group, quoting the message it answers.
import type { ChannelAdapter, ChannelConfig, OutboundAttachment, OutboundMessage, SendResult } from '../types.ts';
import { telegramClient } from './client.ts';
import { classifyTelegramError } from './errors.ts';
import { chatOf, messageExternalId } from './external-id.ts';
import { parseTelegramSettings } from './schema.ts';

const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
/** sendPhoto takes photos up to 10 MB; a larger image goes as a document (up to 50 MB). */
const PHOTO_MAX_BYTES = 10 * 1000 * 1000;

/** Splits text into chunks Telegram accepts, at a line break or space when there is one. */
export function splitText(text: string, limit = TEXT_LIMIT): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf(' '));
    const at = cut > limit / 2 ? cut : limit;
    chunks.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^[\n ]/, '');
  }
  if (rest.trim() !== '') chunks.push(rest);
  return chunks;
}

export async function sendTelegram(msg: OutboundMessage, channel: ChannelConfig, apiRoot: string): Promise<SendResult> {
  const parsed = parseTelegramSettings(channel.settings);
  if (!parsed.ok) return { ok: false, permanent: true, error: parsed.error, code: 'invalid_settings' };
  const api = telegramClient(parsed.settings, apiRoot);
  const chatId = chatOf(msg.inReplyTo) ?? msg.to.address;
  // In a group, quote the message we answer so its author sees it is for them.
  const inGroup = chatId !== msg.to.address;
  const replyTo = inGroup && msg.inReplyTo ? { reply_parameters: { message_id: Number(msg.inReplyTo.split(':')[1]), allow_sending_without_reply: true } } : {};
  const captionFits = msg.attachments.length === 1 && msg.text.length <= CAPTION_LIMIT;
  const sentIds: number[] = [];
  try {
    for (const a of msg.attachments) {
      const caption = captionFits && msg.text.trim() !== '' ? msg.text : undefined;
      sentIds.push((await sendFile(api, chatId, a, { caption, ...replyTo })).message_id);
    }
    if (!captionFits) {
      for (const chunk of splitText(msg.text)) sentIds.push((await api.sendMessage(chatId, chunk, replyTo)).message_id);
    }
  } catch (err) {
    return classifyTelegramError(err);
  }
  const first = sentIds[0];
  if (first === undefined) return { ok: false, permanent: true, error: 'nothing to send: the message has no text and no files', code: 'empty' };
  return { ok: true, externalId: messageExternalId(chatId, first), status: 'sent' };
}

function sendFile(api: ReturnType<typeof telegramClient>, chatId: string, a: OutboundAttachment, extra: { caption?: string }) {
  const file = { source: a.content, filename: a.filename };
  return PHOTO_TYPES.has(a.contentType) && a.content.length <= PHOTO_MAX_BYTES ? api.sendPhoto(chatId, file, extra) : api.sendDocument(chatId, file, extra);
}

/**
 * "typing…" in the customer's chat. Telegram shows it for 5 seconds or until the bot's next
 * message, and has no way to take it back: a stop needs nothing sent. It shows in the chat a reply
 * would go to (a group the customer wrote in).
 */
export async function showTelegramTyping(...[to, channel, typing, apiRoot]: [...Parameters<NonNullable<ChannelAdapter['showTyping']>>, string]): Promise<void> {
  if (!typing.typing) return;
  const parsed = parseTelegramSettings(channel.settings);
  if (!parsed.ok) throw new Error(parsed.error);
  await telegramClient(parsed.settings, apiRoot).sendChatAction(chatOf(to.inReplyTo) ?? to.address, 'typing');
}
