// Settings every Twilio channel (SMS, WhatsApp, voice) shares, and the webhook parameter shape.
import { z } from 'zod';

export const twilioSettingsSchema = z.object({
  accountSid: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'accountSid must be "AC" followed by 32 hex digits'),
  authToken: z.string().min(1, 'authToken is required'),
  /**
   * Base URL of Twilio's REST API, default https://api.twilio.com. Set only to reach Twilio through
   * a proxy or a local stand-in that speaks the same wire protocol (Parley's tests do).
   */
  apiBaseUrl: z.url().optional(),
});

export type TwilioSettings = z.infer<typeof twilioSettingsSchema>;

/** Webhook parameters as Twilio posts them (application/x-www-form-urlencoded): every value a string. */
export type TwilioParams = Record<string, string>;

export function parseTwilioSettings(settings: unknown): { ok: true; settings: TwilioSettings } | { ok: false; error: string } {
  const parsed = twilioSettingsSchema.safeParse(settings ?? {});
  if (parsed.success) return { ok: true, settings: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, error: `Twilio channel settings are invalid: ${issue ? `${issue.path.join('.') || 'settings'}: ${issue.message}` : 'unknown problem'}` };
}
