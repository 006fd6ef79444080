// What every Twilio channel (SMS, WhatsApp, voice) asks an admin for: the number in E.164 and the
// account's credentials. Voice adds its call flow (channels/voice/setup.ts).
import type { ChannelSetup, SettingField } from '../types.ts';
import { toE164 } from './phone.ts';
import { twilioSettingsSchema } from './schema.ts';

export const twilioCredentialFields: SettingField[] = [
  { path: 'accountSid', label: 'Account SID', type: 'text', required: true, hint: 'AC followed by 32 hex digits' },
  { path: 'authToken', label: 'Auth token', type: 'secret', required: true },
];

/** The number part of a Twilio channel's setup; `addressHint` names what the number is for. */
export function twilioNumberSetup(addressHint: string): Pick<ChannelSetup, 'canonicalAddress' | 'addressIs' | 'addressHint'> {
  return {
    // Twilio writes WhatsApp senders as "whatsapp:+1...": the channel keeps the number.
    canonicalAddress: (raw) => toE164(raw.replace(/^whatsapp:/i, '')),
    addressIs: 'the Twilio number in E.164, e.g. +14155550100',
    addressHint,
  };
}

export const twilioMessagingSetup = (addressHint: string): ChannelSetup => ({
  settings: twilioSettingsSchema,
  ...twilioNumberSetup(addressHint),
  form: twilioCredentialFields,
});
