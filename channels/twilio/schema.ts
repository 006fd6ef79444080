// Settings every Twilio channel (SMS, WhatsApp, voice) shares, and the webhook parameter shape.
import { z } from 'zod';
import { parseSettings, type SettingsResult } from '../parse-settings.ts';

export const twilioSettingsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'accountSid must be "AC" followed by 32 hex digits'),
  authToken: z.string().min(1, 'authToken is required'),
  /** No longer a channel setting: Twilio's API base is the instance's (TWILIO_API_BASE). */
  apiBaseUrl: z.never({ message: "apiBaseUrl is not a channel setting: Twilio's API base is set for the whole instance (TWILIO_API_BASE)" }).optional(),
  /**
   * Approved message templates (Twilio Content API) agents can pick in the reply box, e.g. to write
   * on WhatsApp after the 24-hour window: a name, the Content SID, the placeholders ({{1}} ...) with
   * a label each, and the template text for the preview (placeholders as in Twilio: {{1}}).
   */
  templates: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(80),
        contentSid: z.string().regex(/^HX[0-9a-fA-F]{32}$/, 'contentSid must be "HX" followed by 32 hex digits'),
        body: z.string().max(1600).default(''),
        variables: z.array(z.object({ key: z.string().regex(/^\w{1,20}$/), label: z.string().trim().min(1).max(60) })).max(20).default([]),
      }),
    )
    .max(100)
    .default([]),
});

export type TwilioSettings = z.infer<typeof twilioSettingsSchema>;

/** Webhook parameters as Twilio posts them (application/x-www-form-urlencoded): every value a string. */
export type TwilioParams = Record<string, string>;

export const parseTwilioSettings = (settings: unknown): SettingsResult<TwilioSettings> => parseSettings(twilioSettingsSchema, settings, 'Twilio channel');

/** The approved templates agents may send on a channel with these settings (none while they are invalid). */
export function twilioTemplates(settings: unknown): TwilioSettings['templates'] {
  const parsed = parseTwilioSettings(settings);
  return parsed.ok ? parsed.settings.templates : [];
}
