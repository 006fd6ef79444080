// What Parley must make of each Telegram fixture added for "accept every genuine update": the
// sender (user or sender_chat), the text an agent reads, the files to fetch; or, for an update that
// is no customer message, the reason it gives. The normalize test and the CLI test both check it.
import type { InboundMessage, NormalizedInbound } from '../../../../channels/types.ts';

export interface ExpectedMessage {
  address: string;
  name: string | null;
  text: string;
  files?: string[];
  quotedText?: string | null;
}

export type Expected = ExpectedMessage | { notMessage: RegExp };

const olga = { address: '424242', name: 'Olga Petrova' };

export const expectedFixtures: Record<string, Expected> = {
  'last-name-null.json': { address: '515151', name: 'Ana', text: 'Hi, is the shop open on Sunday?' },
  'empty-file-unique-id.json': { ...olga, text: 'Photo', files: ['photo-message-202.jpg'] },
  'anonymous-admin.json': { address: '-1001234567890', name: 'Acme customers', text: 'Support team: please DM the bot with your order number.' },
  'sender-chat-without-from.json': { address: '-1002223334445', name: 'Bakery Rosa', text: 'Our order #7781 from last week is still missing two boxes.' },
  'venue.json': {
    ...olga,
    text: 'Venue: Brandenburger Tor, Pariser Platz, 10117 Berlin\nhttps://www.openstreetmap.org/?mlat=52.516275&mlon=13.377704#map=17/52.516275/13.377704',
  },
  'dice.json': { ...olga, text: 'Dice 🎲: 4' },
  'poll.json': { ...olga, text: 'Poll: Which delivery slot suits you?\n- Morning\n- Afternoon\n- Evening' },
  'story.json': { ...olga, text: 'Shared a story from Olga' },
  'giveaway.json': { ...olga, text: 'Forwarded from Acme news:\nGiveaway: Telegram Premium for 6 months for 3 winners, winners chosen on 2025-12-01' },
  'giveaway-winners.json': { ...olga, text: 'Forwarded from Acme news:\nGiveaway winners: Olga Petrova, Ana' },
  'contact-null-fields.json': { ...olga, text: 'Contact: Jonas, +4915112345678' },
  'animation.json': { ...olga, text: 'GIF', files: ['box.mp4'] },
  'video-note.json': { ...olga, text: 'Video message', files: ['video-note-AgADnote.mp4'] },
  'audio.json': { ...olga, text: 'Audio: Acme Band – Hold Music', files: ['hold-music.mp3'] },
  'video.json': { ...olga, text: 'The lid came off like this', files: ['unboxing.mp4'] },
  'document-caption.json': { ...olga, text: 'Receipt attached', files: ['receipt-7781.pdf'] },
  'live-location.json': { ...olga, text: 'Live location: 48.85837, 2.294481 (shared for 15 minutes)' },
  'game.json': { ...olga, text: 'Game: Lumberjack' },
  'invoice.json': { ...olga, text: 'Invoice: Spare lid – Replacement lid for order #5521, 12.50 EUR' },
  'successful-payment.json': { ...olga, text: 'Payment received: 1500 JPY (order-5521-lid)' },
  'paid-media.json': { ...olga, text: 'Full manual, pages 1-40\nPaid media: 2 items for 25 Telegram Stars' },
  'checklist.json': { ...olga, text: 'Checklist: Before you return the item\n- [x] Pack it in the original box\n- [ ] Print the return label' },
  'forwarded.json': { ...olga, text: 'Forwarded from Courier Dispatch:\nParcel 5521 could not be delivered, nobody home.' },
  'forwarded-hidden-user.json': { ...olga, text: 'Forwarded from Max M.:\nI ordered the same one and it arrived broken too.' },
  'external-reply.json': { ...olga, text: 'Replying to a message from Acme news (Photo):\nDoes this apply to orders from Austria?', quotedText: 'free shipping until Friday' },
  'reply-quote.json': { ...olga, text: 'Five days is too long, can you speed it up?', quotedText: 'It can take 5 business days.' },
  'reply-to-story.json': { ...olga, text: 'Replying to a story of Acme news:\nIs the new colour available in size M?' },
  'media-group-first.json': { ...olga, text: 'Both sides of the damaged box', files: ['photo-AQADalbum1.jpg'] },
  'media-group-second.json': { ...olga, text: 'Photo', files: ['photo-AQADalbum2.jpg'] },
  'unknown-content.json': { ...olga, text: '[a Telegram message Parley cannot show: some_future_content]' },
  'automatic-forward.json': { notMessage: /message 14: a linked channel’s post, forwarded into its discussion group/ },
  'new-chat-members.json': { notMessage: /message 15: a service message \(new_chat_members\)/ },
  'channel-post.json': { notMessage: /update 900131 \(channel_post\): a post in a channel the bot is in/ },
  'edited-channel-post.json': { notMessage: /update 900132 \(edited_channel_post\)/ },
  'my-chat-member.json': { notMessage: /update 900133 \(my_chat_member\): the bot’s own membership changed/ },
  'chat-join-request.json': { notMessage: /update 900134 \(chat_join_request\)/ },
  'message-reaction.json': { notMessage: /update 900135 \(message_reaction\)/ },
  'business-message.json': { notMessage: /update 900136 \(business_message\): .*business connection/ },
  'poll-answer.json': { notMessage: /update 900137 \(poll_answer\)/ },
  'pre-checkout-query.json': { notMessage: /update 900138 \(pre_checkout_query\)/ },
  'unknown-update-kind.json': { notMessage: /update 900139 of kind some_future_update is not a customer message/ },
  'callback-query.json': { notMessage: /update 900013 \(callback_query\): a button press/ },
};

export const notMessageFixtures = Object.entries(expectedFixtures)
  .filter(([, e]) => 'notMessage' in e)
  .map(([name]) => name);

/** The customer's message an update carries (the test fails if it is recorded as ignored instead). */
export function asMessage(n: NormalizedInbound): InboundMessage {
  if (n.kind !== 'message') throw new Error(`expected a message, got ${n.kind}${n.kind === 'ignored' ? `: ${n.reason}` : ''}`);
  return n;
}
