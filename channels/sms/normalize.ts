// An inbound SMS / MMS webhook -> NormalizedInbound (see channels/twilio/normalize-message.ts).
import type { NormalizedInbound } from '../types.ts';
import { normalizeTwilioMessage } from '../twilio/normalize-message.ts';

export function normalizeSms(raw: unknown): NormalizedInbound {
  return normalizeTwilioMessage(raw, { channel: 'sms', scheme: null });
}
