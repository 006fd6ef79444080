// What every Twilio channel (SMS, WhatsApp, voice) asks an admin for: the number in E.164 and the
// account's credentials. Voice adds its call flow (channels/voice/setup.ts).
import type { ChannelSetup, SettingField } from '../types.ts';
import { toE164 } from './phone.ts';
import { twilioSettingsSchema } from './schema.ts';

/** A short code's digits (https://www.twilio.com/docs/glossary/what-is-a-short-code). */
const SHORT_CODE = /^\d{3,8}$/;

export const twilioCredentialFields: SettingField[] = [
  { path: 'accountSid', label: 'Account SID', type: 'text', required: true, hint: 'AC followed by 32 hex digits' },
  { path: 'authToken', label: 'Auth token', type: 'secret', required: true },
];

/** The number part of a Twilio channel's setup; `addressHint` names what the number is for. */
export function twilioNumberSetup(addressHint: string): Pick<ChannelSetup, 'canonicalAddress' | 'addressIs' | 'addressHint'> {
  return {
    // Twilio writes WhatsApp senders as "whatsapp:+1...": the channel keeps the number. A short code is kept as its digits.
    canonicalAddress: (raw) => {
      const bare = raw.trim().replace(/^whatsapp:/i, '');
      return toE164(bare) ?? (SHORT_CODE.test(bare.replace(/[\s-]/g, '')) ? bare.replace(/[\s-]/g, '') : null);
    },
    addressIs: 'the Twilio number in E.164, e.g. +14155550100, or a short code, e.g. 72345',
    addressHint,
  };
}

export const twilioMessagingSetup = (addressHint: string): ChannelSetup => ({
  settings: twilioSettingsSchema,
  ...twilioNumberSetup(addressHint),
  form: twilioCredentialFields,
});
