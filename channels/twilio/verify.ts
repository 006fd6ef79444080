// Is this webhook request from Twilio? Twilio signs the full URL it requested plus the sorted form
// parameters with the account's auth token (HMAC-SHA1, https://www.twilio.com/docs/usage/security).
// The signature carries no timestamp, so `now` plays no part; a replayed request is absorbed by
// the InboundEvent key like any duplicate.
import twilio from 'twilio';
import type { ChannelConfig, Verdict, VerifyInput } from '../types.ts';
import { formParamsForSignature } from './params.ts';
import { parseTwilioSettings } from './schema.ts';

export function verifyTwilioRequest(input: VerifyInput, channel: ChannelConfig): Verdict {
  const parsed = parseTwilioSettings(channel.settings);
  if (!parsed.ok) return { ok: false, reason: parsed.error };
  const signature = input.headers['x-twilio-signature'];
  if (!signature) return { ok: false, reason: 'missing X-Twilio-Signature header' };
  const params = formParamsForSignature(input.rawBody);
  // validateRequest also tries the URL with and without the default port, as Twilio may sign either.
  if (!twilio.validateRequest(parsed.settings.authToken, signature, input.url, params)) {
    return { ok: false, reason: `X-Twilio-Signature does not match a request to ${input.url} signed with this channel's auth token (check the token, PUBLIC_URL and TRUST_PROXY)` };
  }
  const accountSid = params.AccountSid;
  if (accountSid !== parsed.settings.accountSid) {
    return { ok: false, reason: `AccountSid ${typeof accountSid === 'string' ? accountSid : '(missing)'} is not this channel's Twilio account` };
  }
  return { ok: true };
}
