// WhatsApp's customer service window: a business may send free-form messages only within 24 hours
// of the customer's last message; after that only an approved template
// (https://developers.facebook.com/docs/whatsapp/pricing#customer-service-windows, Twilio error 63016).
// Before that, the recipient must be a WhatsApp number at all (twilio/reply-path.ts).
import { messagingReplyRefusal } from '../twilio/reply-path.ts';
import type { OutboundCheck, Verdict } from '../types.ts';

export const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

export function checkWhatsappWindow(ctx: OutboundCheck): Verdict {
  const noPath = messagingReplyRefusal(ctx.to.address, 'WhatsApp');
  if (noPath) return { ok: false, reason: noPath };
  if (ctx.template) return { ok: true };
  const last = ctx.lastInboundAt;
  if (last && ctx.now.getTime() - last.getTime() < WHATSAPP_WINDOW_MS) return { ok: true };
  const when = last
    ? `The customer last wrote on WhatsApp ${Math.floor((ctx.now.getTime() - last.getTime()) / 3_600_000)} hours ago (${last.toISOString()}), outside WhatsApp's 24-hour window`
    : 'The customer has not written to this WhatsApp number yet';
  return { ok: false, reason: `${when}: only an approved template can be sent now: pick one with Template in the reply box (API: {"template": {"contentSid": "HX...", "variables": {...}}}).` };
}
