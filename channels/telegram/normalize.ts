// A Bot API Update (JSON) -> NormalizedInbound. Pure over its input: the webhook and polling
// ingest, the parse command and the tests all call this.
import { parseJsonPayload } from '../parse-json-payload.ts';
import { ParseError, type InboundMessage } from '../types.ts';
import { telegramAttachments } from './attachments.ts';
import { messageExternalId, updateExternalId } from './external-id.ts';
import { telegramUpdateSchema, type TelegramMessage, type TelegramUpdate } from './schema.ts';

/**
 * An update carries at most 4096 characters of text (https://core.telegram.org/bots/api#sendmessage)
 * and the message it answers; the webhook edge accepts no larger body either (src/http/routes/webhooks-telegram.ts).
 */
export const MAX_TELEGRAM_UPDATE_BYTES = 1024 * 1024;

function toUpdate(raw: unknown): TelegramUpdate {
  return parseJsonPayload(raw, telegramUpdateSchema, 'a Telegram update', { maxBytes: MAX_TELEGRAM_UPDATE_BYTES });
}

const rounded = (n: number) => Number(n.toFixed(6));

/** What the agent reads for a message: its text or caption, else a line saying what was sent. */
function textOf(m: TelegramMessage): string {
  const written = m.text ?? m.caption;
  if (written !== undefined) return written;
  if (m.venue) return `Location: ${m.venue.title}, ${m.venue.address}`;
  if (m.location) return `Location: ${rounded(m.location.latitude)}, ${rounded(m.location.longitude)}`;
  if (m.contact) return `Contact: ${[m.contact.first_name, m.contact.last_name].filter(Boolean).join(' ')}, ${m.contact.phone_number}`;
  if (m.sticker) return m.sticker.emoji ? `Sticker ${m.sticker.emoji}` : 'Sticker';
  if (m.voice) return 'Voice message';
  return '';
}

/** A phone number Telegram shares is digits, with or without "+": E.164 as identities store it. */
export function e164(phone: string): string | null {
  const digits = phone.replace(/[\s()+-]/g, '');
  return /^\d{6,15}$/.test(digits) ? `+${digits}` : null;
}

/** A contact card counts as the sender's own number only when Telegram says it is theirs. */
function claimsOf(m: TelegramMessage): InboundMessage['claims'] {
  if (!m.contact || !m.from || m.contact.user_id !== m.from.id) return undefined;
  const phone = e164(m.contact.phone_number);
  return phone ? { phone, proof: { verified: true, reason: 'the Telegram account shared its own number' } } : undefined;
}

/** "/start <payload>" from a t.me/<bot>?start=<payload> deep link (https://core.telegram.org/bots/features#deep-linking). */
function startPayloadOf(m: TelegramMessage): string | null {
  return m.text?.match(/^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/)?.[1] ?? null;
}

export function normalizeTelegram(raw: unknown, channelAddress: string): InboundMessage {
  const update = toUpdate(raw);
  const m = update.message ?? update.edited_message;
  if (!m) throw new ParseError(`update ${update.update_id} carries no message (only message and edited_message are handled)`);
  if (!m.from) throw new ParseError(`message ${m.message_id} has no sender (a channel post)`);
  const inReplyTo = m.reply_to_message ? messageExternalId(m.chat.id, m.reply_to_message.message_id) : null;
  const edited = update.edited_message !== undefined;
  const startPayload = startPayloadOf(m);
  const name = [m.from.first_name, m.from.last_name].filter(Boolean).join(' ').trim() || m.from.username || null;
  const claims = claimsOf(m);
  return {
    channel: 'telegram',
    externalId: updateExternalId(update),
    kind: 'message',
    from: { address: String(m.from.id), name },
    sender: { verified: true, reason: 'Telegram user id from the bot API' },
    to: [channelAddress],
    subject: null,
    text: textOf(m),
    quotedText: m.reply_to_message ? (m.reply_to_message.text ?? m.reply_to_message.caption ?? null) : null,
    html: null,
    sentAt: new Date((edited ? (m.edit_date ?? m.date) : m.date) * 1000),
    inReplyTo,
    references: inReplyTo ? [inReplyTo] : [],
    thread: { refs: inReplyTo ? [inReplyTo] : [], topic: null },
    attachments: telegramAttachments(m),
    ...(edited ? { edit: { originalExternalId: messageExternalId(m.chat.id, m.message_id), editedAt: new Date((m.edit_date ?? m.date) * 1000) } } : {}),
    ...(claims ? { claims } : {}),
    ...(startPayload ? { contactAttributes: { startPayload } } : {}),
  };
}
