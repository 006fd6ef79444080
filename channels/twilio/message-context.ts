// What a messaging webhook says besides the body (https://www.twilio.com/docs/messaging/guides/webhook-request):
// the sender's WhatsApp profile name (ProfileName, or ChannelMetadata's context), a tapped quick
// reply (ButtonText), a shared location (Latitude/Longitude, Label, Address) and the click-to-WhatsApp
// ad a conversation started from (Referral*). Every one is optional; an odd value is left out, never fatal.
import type { TwilioParams } from './schema.ts';

const clean = (value: string | undefined): string | null => {
  const v = value?.replace(/\s+/g, ' ').trim();
  return v ? v : null;
};

/**
 * ChannelMetadata is a JSON string, e.g. {"type":"whatsapp","data":{"context":{"ProfileName":"...","WaId":"..."}}}
 * (https://www.twilio.com/docs/messaging/guides/webhook-request#whatsapp-specific-parameters); anything else reads as empty.
 */
export function channelContext(params: TwilioParams): Record<string, string> {
  const raw = params.ChannelMetadata?.trim();
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return {};
  }
  const context = (value as { data?: { context?: unknown } } | null)?.data?.context;
  if (typeof context !== 'object' || context === null) return {};
  return Object.fromEntries(Object.entries(context).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

/** The sender's name: the WhatsApp profile name, wherever Twilio put it. */
export function profileNameOf(params: TwilioParams): string | null {
  return clean(params.ProfileName) ?? clean(channelContext(params).ProfileName);
}

/** "Location: Our shop, Puerta del Sol (40.4168, -3.7038)", or null when the coordinates are not numbers. */
export function locationText(params: TwilioParams): string | null {
  const lat = Number(params.Latitude?.trim());
  const lon = Number(params.Longitude?.trim());
  if (!params.Latitude?.trim() || !params.Longitude?.trim() || !Number.isFinite(lat) || !Number.isFinite(lon)) return null;
  const place = [params.Label, params.Address].map(clean).filter(Boolean).join(', ');
  return `Location: ${place ? `${place} ` : ''}(${params.Latitude.trim()}, ${params.Longitude.trim()})`;
}

/** The Referral* parameters of a click-to-WhatsApp ad (https://www.twilio.com/docs/whatsapp/api#click-to-whatsapp-ads), by attribute name. */
const referralFields: Record<string, string> = {
  ReferralCtwaClid: 'adClickId',
  ReferralHeadline: 'adHeadline',
  ReferralBody: 'adBody',
  ReferralSourceId: 'adSourceId',
  ReferralSourceType: 'adSourceType',
  ReferralSourceUrl: 'adSourceUrl',
  ReferralMediaId: 'adMediaId',
  ReferralMediaContentType: 'adMediaContentType',
  ReferralMediaUrl: 'adMediaUrl',
};

/** The ad a customer came from, as conversation attributes (routing filters can use them) and one readable line; null when there is none. */
export function adReferral(params: TwilioParams): { attributes: Record<string, string>; summary: string } | null {
  const attributes: Record<string, string> = {};
  for (const [param, attribute] of Object.entries(referralFields)) {
    const value = clean(params[param]);
    if (value) attributes[attribute] = value;
  }
  if (Object.keys(attributes).length === 0) return null;
  const what = attributes.adHeadline ?? attributes.adBody ?? attributes.adSourceUrl ?? attributes.adSourceId ?? 'a click-to-WhatsApp ad';
  const summary = `came from ad: ${what}`;
  return { attributes: { ...attributes, cameFrom: summary }, summary };
}
