// Settings of a voice channel: Twilio credentials plus the call flow (greeting, menu, who to ring,
// how long, business hours, voicemail). Every text is spoken with Twilio's <Say>.
import { z } from 'zod';
import { twilioSettingsSchema } from '../twilio/schema.ts';

export const voiceSettingsSchema = twilioSettingsSchema.extend({
  greeting: z.string().default('Thank you for calling.'),
  /** A one-key menu; the key pressed is stored as Conversation.attributes.menu for routing filters. */
  menu: z
    .object({
      prompt: z.string().min(1),
      /** Key -> what it stands for ("1": "Sales"); other keys count as no choice. */
      options: z.record(z.string().regex(/^[0-9*#]$/, 'menu keys are single digits, * or #'), z.string().min(1)),
      timeoutSeconds: z.number().int().min(1).max(30).default(5),
    })
    .optional(),
  /** Where to ring agents (<Dial>): an E.164 number, "sip:..." or "client:...". Without it callers wait in a Twilio queue (<Enqueue>). */
  forwardTo: z.string().min(1).optional(),
  /** Twilio queue name for <Enqueue>; default "parley-<channel id>". */
  queueName: z.string().min(1).max(64).optional(),
  /** How long the caller waits for an agent before being offered voicemail. */
  ringTimeoutSeconds: z.number().int().min(5).max(600).default(30),
  holdMessage: z.string().default('Please hold while we connect you.'),
  /** Name of a business calendar of the workspace (SLA calendars); outside its hours callers go straight to voicemail. */
  businessCalendar: z.string().min(1).optional(),
  closedMessage: z.string().default('We are closed right now. Please leave a message after the tone and we will call you back.'),
  voicemailPrompt: z.string().default('Nobody is available to take your call. Please leave a message after the tone and we will call you back.'),
  /** Twilio transcribes recordings of up to 120 seconds only. */
  voicemailMaxSeconds: z.number().int().min(5).max(3600).default(120),
  goodbye: z.string().default('Thank you. Goodbye.'),
  /** <Say> voice and language, e.g. "Polly.Joanna" and "en-US". */
  sayVoice: z.string().optional(),
  sayLanguage: z.string().optional(),
});

export type VoiceSettings = z.infer<typeof voiceSettingsSchema>;
