// The WhatsApp channel on Twilio. Channel.address is the WhatsApp sender number in E.164 (Twilio
// adds the "whatsapp:" prefix on the wire). Free text only within 24 hours of the customer's last
// message; templates any time.
import { fetchTwilioMedia } from '../twilio/fetch-media.ts';
import { findTwilioSent } from '../twilio/find-sent.ts';
import { parseMessageStatus } from '../twilio/message-status.ts';
import { sendTwilioMessage } from '../twilio/send-message.ts';
import { verifyTwilioRequest } from '../twilio/verify.ts';
import { twilioTemplates } from '../twilio/schema.ts';
import { twilioContactFields } from '../twilio/reply-path.ts';
import { twilioMessagingSetup } from '../twilio/setup.ts';
import { twilioMessagingWebhook } from '../twilio/webhook.ts';
import { webhookUrl } from '../webhook-url.ts';
import type { HostPolicy } from '../host-policy.ts';
import type { ChannelAdapter, ChannelConfig } from '../types.ts';
import { normalizeWhatsapp } from './normalize.ts';
import { checkWhatsappWindow } from './window.ts';

export function createWhatsappAdapter(deps: { publicUrl: string | null; apiBase?: string | null; hosts?: HostPolicy }): ChannelAdapter {
  // Twilio reports each message's delivery to the URL given with it (https://www.twilio.com/docs/messaging/guides/track-outbound-message-status).
  const statusCallbackUrl = (channel: ChannelConfig) => (deps.publicUrl ? webhookUrl(deps.publicUrl, channel.kind, channel.id, 'status') : null);
  return {
    kind: 'whatsapp',
    label: 'WhatsApp (Twilio)',
    shortLabel: 'WhatsApp',
    icon: { path: 'M12 3a9 9 0 0 0-7.8 13.5L3 21l4.6-1.2A9 9 0 1 0 12 3z M9 8.5c0 3.5 3 6.5 6.5 6.5', colour: '#0d9488' },
    setup: twilioMessagingSetup('The WhatsApp sender number, e.g. +14155550100'),
    capacityWeight: 20,
    threading: 'per-contact',
    live: false,
    survey: 'reply',
    templates: twilioTemplates,
    contactFields: twilioContactFields,
    normalize: async (raw) => normalizeWhatsapp(raw),
    send: (msg, channel) => sendTwilioMessage(msg, channel, { scheme: 'whatsapp', statusCallbackUrl: statusCallbackUrl(channel), apiBase: deps.apiBase ?? null }),
    findSent: (msg, channel, since) => findTwilioSent(msg, channel, { scheme: 'whatsapp', since, apiBase: deps.apiBase ?? null }),
    verify: verifyTwilioRequest,
    webhook: twilioMessagingWebhook('whatsapp'),
    parseStatus: (raw) => parseMessageStatus(raw),
    checkOutbound: checkWhatsappWindow,
    fetchMedia: (url, channel, opts) => fetchTwilioMedia(url, channel, { ...opts, apiBase: deps.apiBase ?? null, hosts: deps.hosts ?? { allowPrivate: false } }),
  };
}
