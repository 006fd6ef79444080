// The SMS channel on Twilio: inbound and status webhooks (twilio/webhook.ts),
// out through Twilio's Messages API. Channel.address is the Twilio number in E.164.
import { fetchTwilioMedia } from '../twilio/fetch-media.ts';
import { findTwilioSent } from '../twilio/find-sent.ts';
import { parseMessageStatus } from '../twilio/message-status.ts';
import { sendTwilioMessage } from '../twilio/send-message.ts';
import { verifyTwilioRequest } from '../twilio/verify.ts';
import { twilioTemplates } from '../twilio/schema.ts';
import { checkSmsReplyPath, twilioContactFields } from '../twilio/reply-path.ts';
import { twilioMessagingSetup } from '../twilio/setup.ts';
import { twilioMessagingWebhook } from '../twilio/webhook.ts';
import { webhookUrl } from '../webhook-url.ts';
import type { HostPolicy } from '../host-policy.ts';
import type { ChannelAdapter, ChannelConfig } from '../types.ts';
import { normalizeSms } from './normalize.ts';

export function createSmsAdapter(deps: { publicUrl: string | null; apiBase?: string | null; hosts?: HostPolicy }): ChannelAdapter {
  // Twilio reports each message's delivery to the URL given with it (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status).
  const statusCallbackUrl = (channel: ChannelConfig) => (deps.publicUrl ? webhookUrl(deps.publicUrl, channel.kind, channel.id, 'status') : null);
  return {
    kind: 'sms',
    label: 'SMS (Twilio)',
    shortLabel: 'SMS',
    icon: { path: 'M4 4h16v12H8l-4 4z M8 9h8 M8 12h5', colour: '#16a34a' },
    setup: twilioMessagingSetup('The Twilio number, e.g. +14155550100'),
    capacityWeight: 15,
    threading: 'per-contact',
    live: false,
    survey: 'reply',
    templates: twilioTemplates,
    contactFields: twilioContactFields,
    normalize: async (raw) => normalizeSms(raw),
    send: (msg, channel) => sendTwilioMessage(msg, channel, { scheme: null, statusCallbackUrl: statusCallbackUrl(channel), apiBase: deps.apiBase ?? null }),
    findSent: (msg, channel, since) => findTwilioSent(msg, channel, { scheme: null, since, apiBase: deps.apiBase ?? null }),
    verify: verifyTwilioRequest,
    checkOutbound: checkSmsReplyPath,
    webhook: twilioMessagingWebhook(null),
    parseStatus: (raw) => parseMessageStatus(raw),
    fetchMedia: (url, channel, opts) => fetchTwilioMedia(url, channel, { ...opts, apiBase: deps.apiBase ?? null, hosts: deps.hosts ?? { allowPrivate: false } }),
  };
}
