// Whether Parley can write back to a Twilio sender, and what a sender's address tells a contact.
// Only a phone number can receive an SMS or a WhatsApp message: an alphanumeric sender ID is
// one-way (https://help.twilio.com/articles/223133767) and a short code does not take messages from
// a Twilio number; a Voice SDK client, a SIP address or a withheld number cannot be called back.
import type { OutboundCheck, Verdict } from '../types.ts';
import { isPhoneAddress, isWithheldCaller, messagingSender } from './sender-address.ts';

/** The contact fields an identity fills: a phone number only when the address is one. */
export function twilioContactFields(address: string): { phone?: string } {
  return isPhoneAddress(address) ? { phone: address } : {};
}

/** Why a written reply to this sender cannot be sent on SMS / WhatsApp ("SMS"), or null when it can. */
export function messagingReplyRefusal(address: string, channelName: string): string | null {
  if (isPhoneAddress(address)) return null;
  const sender = messagingSender(address);
  switch (sender.kind) {
    case 'short_code':
      return `${address} is a short code: it sends automated messages and cannot receive ${channelName} replies. Reach the customer another way.`;
    case 'alphanumeric':
      return `${address} is an alphanumeric sender ID: it can send ${channelName} messages but cannot receive them. Reach the customer another way.`;
    default:
      return `${JSON.stringify(address)} is not a phone number: ${channelName} replies cannot be sent to it. Reach the customer another way.`;
  }
}

/** checkOutbound for SMS: only to a phone number. */
export function checkSmsReplyPath(ctx: OutboundCheck): Verdict {
  const refusal = messagingReplyRefusal(ctx.to.address, 'SMS');
  return refusal ? { ok: false, reason: refusal } : { ok: true };
}

/** Why a caller cannot be called back, or null for a phone number. */
export function callBackRefusal(address: string): string | null {
  if (isPhoneAddress(address)) return null;
  if (/^client:/i.test(address)) return `The caller is the Twilio Voice SDK client "${address.slice('client:'.length)}" (an app or browser), not a phone number: it cannot be called back by phone.`;
  if (/^sips?:/i.test(address)) return `The caller is the SIP address ${address}, not a phone number: call it back from a SIP phone.`;
  if (/^withheld:/i.test(address) || isWithheldCaller(address)) return 'The caller withheld their number: they cannot be called back.';
  return `The caller ${JSON.stringify(address)} is not a phone number: they cannot be called back by phone.`;
}
