// How a custom API channel signs requests both ways (documented in docs/adding-a-channel.md):
//   X-Parley-Timestamp: unix seconds
//   X-Parley-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the signing secret>
// The timestamp makes a captured request useless after the tolerance; the event id makes a replay
// within it a duplicate.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-parley-timestamp';
export const SIGNATURE_HEADER = 'x-parley-signature';

export function signBody(secret: string, timestamp: number, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export function signedHeaders(secret: string, body: Buffer | string, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: signBody(secret, timestamp, body) };
}

/** Constant-time comparison of two signatures (unequal lengths are simply unequal). */
export function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
