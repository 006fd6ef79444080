// The Telegram channel: a bot (Channel.address = its username, settings in schema.ts) receives
// updates on its webhook (webhook.ts) or by long polling (polling.ts)
// and answers through the Bot API with telegraf's client.
import { defaultProviderEndpoints } from '../provider-endpoints.ts';
import type { ChannelAdapter } from '../types.ts';
import { fetchTelegramFile } from './fetch-file.ts';
import { normalizeTelegram } from './normalize.ts';
import { sendTelegram, showTelegramTyping } from './send.ts';
import { telegramSetup } from './setup.ts';
import { verifyTelegramRequest } from './verify.ts';
import { telegramWebhook } from './webhook.ts';
import { telegramPollingListener } from './polling.ts';

export function createTelegramAdapter(deps: { apiRoot: string } = { apiRoot: defaultProviderEndpoints.telegramApiRoot }): ChannelAdapter {
  const { apiRoot } = deps;
  return {
    kind: 'telegram',
    label: 'Telegram bot',
    shortLabel: 'Telegram',
    icon: { path: 'M21 4L3 11l6 2 2 6 3-4 5 4z M9 13l8-6', colour: '#0891b2' },
    setup: telegramSetup,
    capacityWeight: 20,
    threading: 'per-contact',
    live: false,
    survey: 'reply',
    normalize: async (raw, channel) => normalizeTelegram(raw, channel.address),
    send: (msg, channel) => sendTelegram(msg, channel, apiRoot),
    // The Bot API takes uploads of up to 50 MB (https://core.telegram.org/bots/api#sending-files).
    maxOutboundFileBytes: 50 * 1000 * 1000,
    verify: verifyTelegramRequest,
    webhook: telegramWebhook(apiRoot),
    listeners: [telegramPollingListener(apiRoot)],
    fetchMedia: (url, channel, opts) => fetchTelegramFile(url, channel, { ...opts, apiRoot }),
    showTyping: (to, channel, typing) => showTelegramTyping(to, channel, typing, apiRoot),
  };
}
