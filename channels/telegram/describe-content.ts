// What an agent reads for a Telegram message: what it was forwarded from or replies to, what was
// written (text or caption), and a line for every kind of content that is not text (a venue with
// a map link, a poll and its options, dice, a story, a payment ...). Files themselves are
// attachments (attachments.ts); a file sent without a caption is named here so the message is not
// blank. A message of a kind this file does not know says which fields it carries.
import { chatName, userName } from './sender.ts';
import type { TelegramMessage, TelegramMessageOrigin } from './update-schema.ts';

/** The content fields a message and the external message it replies to share. */
type Content = Pick<
  TelegramMessage,
  | 'photo' | 'document' | 'voice' | 'audio' | 'video' | 'video_note' | 'animation' | 'sticker' | 'location' | 'venue' | 'contact'
  | 'poll' | 'dice' | 'story' | 'game' | 'invoice' | 'giveaway' | 'giveaway_winners' | 'paid_media' | 'checklist'
>;

const rounded = (n: number) => Number(n.toFixed(6));
const mapLink = (lat: number, lon: number) => `https://www.openstreetmap.org/?mlat=${rounded(lat)}&mlon=${rounded(lon)}#map=17/${rounded(lat)}/${rounded(lon)}`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);

/** An amount in the currency's smallest unit (https://core.telegram.org/bots/payments#supported-currencies), as "12.50 EUR". */
export function money(units: number | null | undefined, currency: string | null | undefined): string {
  if (units == null) return currency ?? '';
  if (!currency) return String(units);
  if (currency === 'XTR') return `${plural(units, 'Telegram Star')}`;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown currency code: shown with two decimals, as most are.
  }
  return `${(units / 10 ** digits).toFixed(digits)} ${currency}`;
}

/** Who a forwarded message (or an external reply) is from. */
export function originName(o: TelegramMessageOrigin | null | undefined): string | null {
  if (!o) return null;
  const chat = o.chat ?? o.sender_chat;
  const name = (o.sender_user && userName(o.sender_user)) || o.sender_user_name || (chat && chatName(chat)) || null;
  return name && o.author_signature ? `${name} (${o.author_signature})` : name;
}

function fileLine(c: Content): string | null {
  if (c.photo?.length) return 'Photo';
  if (c.video) return 'Video';
  if (c.video_note) return 'Video message';
  if (c.animation) return 'GIF';
  if (c.voice) return 'Voice message';
  if (c.audio) {
    const named = [c.audio.performer, c.audio.title].filter(Boolean).join(' – ') || c.audio.file_name;
    return named ? `Audio: ${named}` : 'Audio';
  }
  if (c.document) return `Document${c.document.file_name ? `: ${c.document.file_name}` : ''}`;
  if (c.sticker) return c.sticker.emoji ? `Sticker ${c.sticker.emoji}` : 'Sticker';
  return null;
}

/** Content that is not a file and has no caption: always described. */
function contentLines(c: Content): string[] {
  const lines: string[] = [];
  if (c.venue) lines.push(`Venue: ${[c.venue.title, c.venue.address].filter(Boolean).join(', ')}`, mapLink(c.venue.location.latitude, c.venue.location.longitude));
  else if (c.location) {
    const at = `${rounded(c.location.latitude)}, ${rounded(c.location.longitude)}`;
    lines.push(c.location.live_period ? `Live location: ${at} (shared for ${liveFor(c.location.live_period)})` : `Location: ${at}`);
  }
  if (c.contact) lines.push(`Contact: ${[c.contact.first_name, c.contact.last_name].filter(Boolean).join(' ') || 'no name'}, ${c.contact.phone_number ?? 'no number'}`);
  if (c.poll) lines.push(`${c.poll.type === 'quiz' ? 'Quiz' : 'Poll'}: ${c.poll.question ?? ''}`.trim(), ...(c.poll.options ?? []).map((o) => `- ${o.text ?? ''}`));
  if (c.checklist) lines.push(`Checklist: ${c.checklist.title ?? ''}`.trim(), ...(c.checklist.tasks ?? []).map((t) => `- [${t.completed_by_user ? 'x' : ' '}] ${t.text ?? ''}`));
  if (c.dice) lines.push(`Dice ${c.dice.emoji ?? '🎲'}: ${c.dice.value ?? '?'}`);
  if (c.story) lines.push(`Shared a story${c.story.chat && chatName(c.story.chat) ? ` from ${chatName(c.story.chat)}` : ''}`);
  if (c.game) lines.push(`Game: ${c.game.title ?? ''}`.trim());
  if (c.invoice) lines.push(`Invoice: ${[c.invoice.title, c.invoice.description].filter(Boolean).join(' – ')}, ${money(c.invoice.total_amount, c.invoice.currency)}`);
  if (c.giveaway) {
    const chosen = c.giveaway.winners_selection_date ? `, winners chosen on ${day(c.giveaway.winners_selection_date)}` : '';
    lines.push(`Giveaway: ${giveawayPrize(c.giveaway)} for ${plural(c.giveaway.winner_count ?? 0, 'winner')}${chosen}`);
  }
  if (c.giveaway_winners) {
    const names = (c.giveaway_winners.winners ?? []).map(userName).filter(Boolean).join(', ');
    lines.push(`Giveaway winners: ${names || plural(c.giveaway_winners.winner_count ?? 0, 'winner')}`);
  }
  if (c.paid_media) lines.push(`Paid media: ${plural(c.paid_media.paid_media?.length ?? 0, 'item')} for ${money(c.paid_media.star_count, 'XTR')}`);
  return lines;
}

const liveFor = (seconds: number) => (seconds === 0x7fffffff ? 'until stopped' : seconds >= 3600 ? plural(Math.round(seconds / 3600), 'hour') : plural(Math.round(seconds / 60), 'minute'));

function giveawayPrize(g: NonNullable<Content['giveaway']>): string {
  if (g.prize_description) return g.prize_description;
  if (g.prize_star_count) return money(g.prize_star_count, 'XTR');
  if (g.premium_subscription_month_count) return `Telegram Premium for ${plural(g.premium_subscription_month_count, 'month')}`;
  return 'a prize';
}

/** Where the message comes from or what it answers outside this chat. */
function contextLines(m: TelegramMessage): string[] {
  const lines: string[] = [];
  const forwardedFrom = originName(m.forward_origin) ?? (m.forward_from && userName(m.forward_from)) ?? (m.forward_from_chat && chatName(m.forward_from_chat)) ?? m.forward_sender_name;
  if (forwardedFrom || m.forward_origin) lines.push(`Forwarded from ${forwardedFrom ?? 'a hidden sender'}:`);
  if (m.reply_to_story) lines.push(`Replying to a story${m.reply_to_story.chat && chatName(m.reply_to_story.chat) ? ` of ${chatName(m.reply_to_story.chat)}` : ''}:`);
  const ext = m.external_reply;
  if (ext) {
    const from = originName(ext.origin) ?? (ext.chat && chatName(ext.chat));
    const what = [fileLine(ext), ...contentLines(ext)].filter(Boolean).join('; ');
    lines.push(`Replying to a message from ${from ?? 'another chat'}${what ? ` (${what})` : ''}:`);
  }
  return lines;
}

/** Top-level fields a message always or often has besides its content. */
const FRAME_FIELDS = new Set([
  'message_id', 'message_thread_id', 'from', 'sender_chat', 'chat', 'date', 'edit_date', 'entities', 'caption_entities', 'media_group_id',
  'author_signature', 'has_protected_content', 'is_topic_message', 'is_from_offline', 'reply_markup', 'link_preview_options', 'via_bot',
  'sender_boost_count', 'sender_business_bot', 'business_connection_id', 'show_caption_above_media', 'has_media_spoiler', 'effect_id',
  'is_automatic_forward', 'reply_to_message', 'quote', 'external_reply', 'reply_to_story', 'forward_origin', 'forward_from',
  'forward_from_chat', 'forward_from_message_id', 'forward_signature', 'forward_sender_name', 'forward_date', 'is_paid_post',
  'paid_star_count', 'sender_tag',
]);

export function describeMessage(m: TelegramMessage): string {
  // An empty text beside a caption (some bridges send both) is no text.
  const written = m.text || m.caption;
  const file = written ? null : fileLine(m);
  const paid = m.successful_payment;
  const payment = paid ? `Payment received: ${money(paid.total_amount, paid.currency)}${paid.invoice_payload ? ` (${paid.invoice_payload})` : ''}` : null;
  const body = [written, file, ...contentLines(m), payment].filter((x): x is string => !!x);
  if (body.length === 0) {
    const fields = Object.keys(m).filter((k) => !FRAME_FIELDS.has(k) && (m as Record<string, unknown>)[k] != null);
    body.push(`[a Telegram message Parley cannot show${fields.length ? `: ${fields.join(', ')}` : ''}]`);
  }
  return [...contextLines(m), ...body].join('\n');
}
