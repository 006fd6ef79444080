// Which Telegram updates are a customer writing to the support inbox, and why every other kind is
// acknowledged and dropped (README, "## Telegram", has the same table for admins). An update kind
// not listed here is dropped the same way, named in the reason: Telegram adds kinds over time.
import type { TelegramMessage, TelegramUpdate } from './update-schema.ts';

/** The update kinds that carry a customer's message (or its edit). */
export const CUSTOMER_UPDATE_KINDS = ['message', 'edited_message'] as const;

/** Why each other update kind Telegram sends (https://core.telegram.org/bots/api#update) is not a customer message. */
export const NOT_CUSTOMER_UPDATES: Readonly<Record<string, string>> = {
  channel_post: 'a post in a channel the bot is in: the company’s own broadcast, not a customer writing',
  edited_channel_post: 'an edit of a post in a channel the bot is in: the company’s own broadcast',
  business_connection: 'the bot was connected to a Telegram Business account: an account setting, not a message',
  business_message: 'a message to a connected Telegram Business account: answering it needs the business connection, which Parley does not use',
  edited_business_message: 'an edit of a message to a connected Telegram Business account (not handled, like business_message)',
  deleted_business_messages: 'messages deleted in a connected Telegram Business account',
  message_reaction: 'a reaction to a message: no text for an agent to answer',
  message_reaction_count: 'anonymous reaction counts of a channel post',
  inline_query: 'an inline query (@bot typed in another chat): the bot offers no inline results',
  chosen_inline_result: 'an inline result someone chose: the bot offers no inline results',
  callback_query: 'a button press: Parley sends no inline keyboards',
  shipping_query: 'a shipping query of a payment: Parley sells nothing through the bot',
  pre_checkout_query: 'a pre-checkout query of a payment: Parley sells nothing through the bot (a successful_payment message is shown)',
  purchased_paid_media: 'paid media bought in a chat: a payment event, not a message',
  poll: 'the new state of a poll (votes counted): the poll itself was shown when it was sent',
  poll_answer: 'a vote in a poll the bot sent: Parley sends no polls',
  my_chat_member: 'the bot’s own membership changed (added to a group, blocked, unblocked): not a message',
  chat_member: 'someone joined, left or changed role in a chat: not a message',
  chat_join_request: 'a request to join a chat the bot administers: not a message',
  chat_boost: 'a chat was boosted: not a message',
  removed_chat_boost: 'a boost was removed from a chat: not a message',
};

/** Message fields that make it a service message (a member joined, a title changed, a pin): nothing a customer wrote. */
const SERVICE_FIELDS = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo', 'group_chat_created', 'supergroup_chat_created',
  'channel_chat_created', 'message_auto_delete_timer_changed', 'migrate_to_chat_id', 'migrate_from_chat_id', 'pinned_message', 'forum_topic_created',
  'forum_topic_edited', 'forum_topic_closed', 'forum_topic_reopened', 'general_forum_topic_hidden', 'general_forum_topic_unhidden', 'video_chat_scheduled',
  'video_chat_started', 'video_chat_ended', 'video_chat_participants_invited', 'boost_added', 'chat_background_set', 'write_access_allowed',
  'giveaway_created', 'giveaway_completed', 'proximity_alert_triggered', 'checklist_tasks_done', 'checklist_tasks_added', 'direct_message_price_changed',
];

/** A chat's type; when a client left it out, a positive id is a user's private chat and a negative one a group (https://core.telegram.org/bots/api#chat). */
export function chatTypeOf(chat: TelegramMessage['chat']): string {
  return chat.type ?? (chat.id > 0 ? 'private' : 'group');
}

export type UpdateReading = { message: TelegramMessage; edited: boolean } | { message: null; reason: string };

/**
 * The customer's message an update carries, or why it carries none. A message whose sender cannot
 * be told is still a message (normalize refuses it, so it is kept as a failed event for an admin).
 */
export function readUpdate(update: TelegramUpdate): UpdateReading {
  const m = update.message ?? update.edited_message;
  if (!m) {
    const kinds = Object.entries(update).filter(([k, v]) => k !== 'update_id' && v != null).map(([k]) => k);
    const known = kinds.find((k) => NOT_CUSTOMER_UPDATES[k]);
    if (known) return { message: null, reason: `update ${update.update_id} (${known}): ${NOT_CUSTOMER_UPDATES[known]}` };
    return { message: null, reason: `update ${update.update_id} of kind ${kinds.join(', ') || 'unknown'} is not a customer message (only ${CUSTOMER_UPDATE_KINDS.join(' and ')} are)` };
  }
  const notCustomer = whyNotCustomer(m);
  return notCustomer ? { message: null, reason: `message ${m.message_id}: ${notCustomer}` } : { message: m, edited: !update.message };
}

function whyNotCustomer(m: TelegramMessage): string | null {
  if (chatTypeOf(m.chat) === 'channel') return 'a post in a channel: the company’s own broadcast, not a customer writing';
  if (m.is_automatic_forward) return 'a linked channel’s post, forwarded into its discussion group by Telegram';
  const service = SERVICE_FIELDS.find((f) => (m as Record<string, unknown>)[f] != null);
  if (service) return `a service message (${service}), nothing a customer wrote`;
  if (!m.sender_chat && m.from?.is_bot) return 'sent by a bot';
  return null;
}
