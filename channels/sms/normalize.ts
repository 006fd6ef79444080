// An inbound SMS / MMS webhook -> NormalizedInbound (see channels/twilio/normalize-message.ts).
import type { InboundIgnored, InboundMessage, InboundStatus } from '../types.ts';
import { normalizeTwilioMessage } from '../twilio/normalize-message.ts';

export function normalizeSms(raw: unknown): InboundMessage | InboundStatus | InboundIgnored {
  return normalizeTwilioMessage(raw, { channel: 'sms', scheme: null });
}
