// What an admin gives to set up a channel of each kind: the form of its address and the schema of
// its settings. Used when a channel is created or changed through the API, so a channel that is
// saved is one its adapter can run.
import { z } from 'zod';
import { emailSettingsSchema } from './email/schema.ts';
import { telegramSettingsSchema } from './telegram/schema.ts';
import { toE164 } from './twilio/phone.ts';
import { twilioSettingsSchema } from './twilio/schema.ts';
import type { ChannelKind } from './types.ts';
import { voiceSettingsSchema } from './voice/schema.ts';
import { webchatSettingsSchema } from './webchat/schema.ts';

export interface ChannelSetup {
  settings: z.ZodType;
  /** The address in the form Parley keys the channel by, or null when it is not one. */
  address(raw: string): string | null;
  /** What the address is, for the error message. */
  addressIs: string;
}

const email = z.email();
const phone: Pick<ChannelSetup, 'address' | 'addressIs'> = { address: (raw) => toE164(raw.replace(/^whatsapp:/i, '')), addressIs: 'the Twilio number in E.164, e.g. +14155550100' };

export const channelSetup: Record<ChannelKind, ChannelSetup> = {
  email: { settings: emailSettingsSchema, address: (raw) => (email.safeParse(raw.trim()).success ? raw.trim().toLowerCase() : null), addressIs: 'the email address customers write to' },
  sms: { settings: twilioSettingsSchema, ...phone },
  whatsapp: { settings: twilioSettingsSchema, ...phone },
  voice: { settings: voiceSettingsSchema, ...phone },
  telegram: { settings: telegramSettingsSchema, address: (raw) => (/^@?[A-Za-z][A-Za-z0-9_]{3,31}$/.test(raw.trim()) ? raw.trim().replace(/^@/, '') : null), addressIs: "the bot's username, e.g. acme_support_bot" },
  webchat: { settings: webchatSettingsSchema, address: (raw) => (/^[a-z0-9][a-z0-9-]{2,63}$/.test(raw.trim()) ? raw.trim() : null), addressIs: 'the widget key: 3-64 lower-case letters, digits and dashes, e.g. acme-website' },
};
