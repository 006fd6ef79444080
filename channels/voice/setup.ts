// What an admin gives for a phone line: the Twilio number and credentials, and the call flow.
import { twilioCredentialFields, twilioNumberSetup } from '../twilio/setup.ts';
import type { ChannelSetup } from '../types.ts';
import { voiceSettingsSchema } from './schema.ts';

export const voiceSetup: ChannelSetup = {
  settings: voiceSettingsSchema,
  ...twilioNumberSetup('The Twilio number, e.g. +14155550100'),
  form: [
    ...twilioCredentialFields,
    { path: 'greeting', label: 'Greeting', type: 'text' },
    { path: 'forwardTo', label: 'Ring (number, sip: or client:)', type: 'text', hint: 'empty: callers wait in a Twilio queue' },
    { path: 'ringTimeoutSeconds', label: 'Ring for (seconds)', type: 'number' },
    { path: 'businessCalendar', label: 'Business calendar (voicemail outside its hours)', type: 'text' },
  ],
};
