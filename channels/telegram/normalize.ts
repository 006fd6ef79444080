// A Bot API Update (JSON) -> NormalizedInbound. Pure over its input: the webhook and polling
// ingest, the parse command and the tests all call this.
import { parseJsonPayload } from '../parse-json-payload.ts';
import { ParseError, type InboundIgnored, type InboundMessage } from '../types.ts';
import { telegramAttachments } from './attachments.ts';
import { messageExternalId, updateExternalId } from './external-id.ts';
import { describeMessage } from './describe-content.ts';
import { senderOf } from './sender.ts';
import { readUpdate } from './update-kinds.ts';
import { telegramUpdateSchema, type TelegramMessage, type TelegramUpdate } from './update-schema.ts';

/**
 * An update carries at most 4096 characters of text (https://core.telegram.org/bots/api#sendmessage)
 * and the message it answers; the webhook edge accepts no larger body either (src/http/routes/webhooks-telegram.ts).
 */
export const MAX_TELEGRAM_UPDATE_BYTES = 1024 * 1024;

function toUpdate(raw: unknown): TelegramUpdate {
  return parseJsonPayload(raw, telegramUpdateSchema, 'a Telegram update', { maxBytes: MAX_TELEGRAM_UPDATE_BYTES });
}

/** A phone number Telegram shares is digits, with or without "+": E.164 as identities store it. */
export function e164(phone: string): string | null {
  const digits = phone.replace(/[\s()+-]/g, '');
  return /^\d{6,15}$/.test(digits) ? `+${digits}` : null;
}

/** A contact card counts as the sender's own number only when Telegram says it is theirs. */
function claimsOf(m: TelegramMessage): InboundMessage['claims'] {
  if (!m.contact?.phone_number || !m.from || m.sender_chat || m.contact.user_id !== m.from.id) return undefined;
  const phone = e164(m.contact.phone_number);
  return phone ? { phone, proof: { verified: true, reason: 'the Telegram account shared its own number' } } : undefined;
}

/** "/start <payload>" from a t.me/<bot>?start=<payload> deep link (https://core.telegram.org/bots/features#deep-linking). */
function startPayloadOf(m: TelegramMessage): string | null {
  return m.text?.match(/^\/start(?:@\w+)?\s+([A-Za-z0-9_-]{1,64})\s*$/)?.[1] ?? null;
}

export function normalizeTelegram(raw: unknown, channelAddress: string): InboundMessage | InboundIgnored {
  const update = toUpdate(raw);
  const reading = readUpdate(update);
  // Understood, not a customer's message (a channel post, a reaction): recorded with the reason.
  if (!reading.message) return { channel: 'telegram', externalId: updateExternalId(update), kind: 'ignored', reason: reading.reason };
  const { message: m, edited } = reading;
  const sender = senderOf(m);
  if (!sender) throw new ParseError(`message ${m.message_id} names no sender (neither from nor sender_chat)`);
  const inReplyTo = m.reply_to_message ? messageExternalId(m.chat.id, m.reply_to_message.message_id) : null;
  const startPayload = startPayloadOf(m);
  const claims = claimsOf(m);
  const sentAt = (edited ? (m.edit_date ?? m.date) : m.date) ?? null;
  return {
    channel: 'telegram',
    externalId: updateExternalId(update),
    kind: 'message',
    from: { address: sender.address, name: sender.name },
    sender: { verified: true, reason: sender.reason },
    to: [channelAddress],
    subject: null,
    text: describeMessage(m),
    // The part the customer quoted, else the whole message they answer.
    quotedText: m.quote?.text ?? m.reply_to_message?.text ?? m.reply_to_message?.caption ?? null,
    html: null,
    sentAt: sentAt === null ? null : new Date(sentAt * 1000),
    inReplyTo,
    references: inReplyTo ? [inReplyTo] : [],
    thread: { refs: inReplyTo ? [inReplyTo] : [], topic: null },
    attachments: telegramAttachments(m),
    ...(edited ? { edit: { originalExternalId: messageExternalId(m.chat.id, m.message_id), editedAt: new Date((m.edit_date ?? m.date ?? 0) * 1000) } } : {}),
    ...(claims ? { claims } : {}),
    ...(startPayload ? { contactAttributes: { startPayload } } : {}),
  };
}
