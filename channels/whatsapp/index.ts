// The WhatsApp channel on Twilio. Channel.address is the WhatsApp sender number in E.164 (Twilio
// adds the "whatsapp:" prefix on the wire). Free text only within 24 hours of the customer's last
// message; templates any time.
import { fetchTwilioMedia } from '../twilio/fetch-media.ts';
import { findTwilioSent } from '../twilio/find-sent.ts';
import { parseMessageStatus } from '../twilio/message-status.ts';
import { sendTwilioMessage } from '../twilio/send-message.ts';
import { verifyTwilioRequest } from '../twilio/verify.ts';
import { twilioWebhookUrl } from '../twilio/webhook-paths.ts';
import type { ChannelAdapter } from '../types.ts';
import { normalizeWhatsapp } from './normalize.ts';
import { checkWhatsappWindow } from './window.ts';

export function createWhatsappAdapter(deps: { publicUrl: string | null }): ChannelAdapter {
  const statusCallbackUrl = deps.publicUrl ? twilioWebhookUrl(deps.publicUrl, 'messageStatus') : null;
  return {
    kind: 'whatsapp',
    threading: 'per-contact',
    live: false,
    templates: true,
    contactFields: (address) => ({ phone: address }),
    normalize: async (raw) => normalizeWhatsapp(raw),
    send: (msg, channel) => sendTwilioMessage(msg, channel, { scheme: 'whatsapp', statusCallbackUrl }),
    findSent: (msg, channel, since) => findTwilioSent(msg, channel, { scheme: 'whatsapp', since }),
    verify: verifyTwilioRequest,
    parseStatus: (raw) => parseMessageStatus(raw),
    checkOutbound: checkWhatsappWindow,
    fetchMedia: fetchTwilioMedia,
  };
}
