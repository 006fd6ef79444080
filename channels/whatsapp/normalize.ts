// An inbound WhatsApp webhook (From=whatsapp:+...) -> NormalizedInbound; ProfileName becomes the
// sender's name, a reply to one of our messages (OriginalRepliedMessageSid) a threading hint.
import type { NormalizedInbound } from '../types.ts';
import { normalizeTwilioMessage } from '../twilio/normalize-message.ts';

export function normalizeWhatsapp(raw: unknown): NormalizedInbound {
  return normalizeTwilioMessage(raw, { channel: 'whatsapp', scheme: 'whatsapp' });
}
