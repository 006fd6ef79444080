// After an interrupted send (the process died between Twilio's answer and our record of it), asks
// Twilio whether it has the message, so the retry adopts it instead of texting the customer twice.
// Twilio has no idempotency key for Messages; a message is recognised by its sender, recipient,
// body and creation time. Template messages cannot be recognised by body and are sent again.
import type { ChannelConfig, OutboundMessage } from '../types.ts';
import { createTwilioClient } from './client.ts';
import { twilioAddress } from './phone.ts';
import { parseTwilioSettings } from './schema.ts';

/** Twilio's clock and ours may differ a little. */
const CLOCK_SLACK_MS = 60_000;
/** Recent messages to one recipient looked through. */
const LOOKBACK = 20;

export async function findTwilioSent(msg: OutboundMessage, channel: ChannelConfig, opts: { scheme: string | null; since: Date; apiBase: string | null }): Promise<string | null> {
  if (msg.template) return null;
  const parsed = parseTwilioSettings(channel.settings);
  if (!parsed.ok) return null; // sending fails on the same settings with their reason
  const recent = await createTwilioClient(parsed.settings, opts.apiBase).messages.list({
    to: twilioAddress(opts.scheme, msg.to.address),
    from: twilioAddress(opts.scheme, channel.address),
    limit: LOOKBACK,
  });
  const earliest = opts.since.getTime() - CLOCK_SLACK_MS;
  const match = recent.find((m) => m.direction !== 'inbound' && m.body === msg.text && m.dateCreated.getTime() >= earliest);
  return match?.sid ?? null;
}
