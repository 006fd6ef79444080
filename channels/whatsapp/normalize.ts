// An inbound WhatsApp webhook (From=whatsapp:+...) -> NormalizedInbound; ProfileName becomes the
// sender's name, a reply to one of our messages (OriginalRepliedMessageSid) a threading hint.
import type { InboundIgnored, InboundMessage, InboundStatus } from '../types.ts';
import { normalizeTwilioMessage } from '../twilio/normalize-message.ts';

export function normalizeWhatsapp(raw: unknown): InboundMessage | InboundStatus | InboundIgnored {
  return normalizeTwilioMessage(raw, { channel: 'whatsapp', scheme: 'whatsapp' });
}
