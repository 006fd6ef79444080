// How Parley signs an outgoing webhook (docs/webhooks.md):
//   Parley-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// The timestamp lets a receiver refuse an old capture; Parley-Delivery lets it drop a duplicate.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'parley-signature';
export const EVENT_HEADER = 'parley-event';
export const DELIVERY_HEADER = 'parley-delivery';

/** A fresh signing secret: 32 random bytes, prefixed so it is recognisable in a config file. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('hex')}`;
}

export function webhookSignature(secret: string, timestamp: number, body: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

export function signatureHeader(secret: string, body: string | Buffer, now: Date): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${webhookSignature(secret, t, body)}`;
}

export type SignatureVerdict = { ok: true; timestamp: number } | { ok: false; reason: string };

/** What a receiver does (the docs' snippet in code): the header parses, is recent, and one v1 matches. */
export function verifyWebhookSignature(input: { secret: string; header: string | undefined; body: string | Buffer; now: Date; toleranceSeconds?: number }): SignatureVerdict {
  if (!input.header) return { ok: false, reason: 'no Parley-Signature header' };
  const parts = input.header.split(',').map((p) => p.trim().split('='));
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v ?? '');
  if (!Number.isInteger(t) || signatures.length === 0) return { ok: false, reason: 'malformed Parley-Signature header' };
  if (Math.abs(input.now.getTime() / 1000 - t) > (input.toleranceSeconds ?? 300)) return { ok: false, reason: 'timestamp outside the tolerance' };
  const expected = Buffer.from(webhookSignature(input.secret, t, input.body));
  const match = signatures.some((s) => {
    const given = Buffer.from(s);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'signature does not match' };
}
