// Is this request from the connected system? It must carry a fresh timestamp and the HMAC of
// "<timestamp>.<body>" with the channel's signing secret (signature.ts).
import type { ChannelConfig, Verdict, VerifyInput } from '../types.ts';
import { parseCustomSettings } from './schema.ts';
import { sameSignature, SIGNATURE_HEADER, signBody, TIMESTAMP_HEADER } from './signature.ts';

export function verifyCustomRequest(input: VerifyInput, channel: ChannelConfig): Verdict {
  const parsed = parseCustomSettings(channel.settings);
  if (!parsed.ok) return { ok: false, reason: parsed.error };
  const stamp = input.headers[TIMESTAMP_HEADER];
  const signature = input.headers[SIGNATURE_HEADER];
  if (!stamp || !signature) return { ok: false, reason: `missing ${!stamp ? 'X-Parley-Timestamp' : 'X-Parley-Signature'} header` };
  if (!/^\d{1,12}$/.test(stamp)) return { ok: false, reason: 'X-Parley-Timestamp is not unix seconds' };
  const skew = Math.abs(input.now.getTime() / 1000 - Number(stamp));
  if (skew > parsed.settings.toleranceSeconds) return { ok: false, reason: `X-Parley-Timestamp is ${Math.round(skew)} s away from our clock (at most ${parsed.settings.toleranceSeconds} s)` };
  if (!sameSignature(signature, signBody(parsed.settings.signingSecret, Number(stamp), input.rawBody))) {
    return { ok: false, reason: "X-Parley-Signature does not match the body signed with this channel's signing secret" };
  }
  return { ok: true };
}
