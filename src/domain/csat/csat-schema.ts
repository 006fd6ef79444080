// The satisfaction survey settings' shape and defaults, shared by the API and the web app (zod only).
import { z } from 'zod';

export const csatSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Asked in the survey message and on the survey page. */
  question: z.string().trim().min(1, 'must not be empty').max(300, 'at most 300 characters'),
  /** Minutes after the resolution before the survey goes out (0: at once). */
  delayMinutes: z.number().int().min(0, 'at least 0').max(10_080, 'at most a week (10080 minutes)'),
  /** At most one survey per contact in this many days (0: no limit). */
  throttleDays: z.number().int().min(0, 'at least 0').max(365, 'at most 365 days'),
  /** How long an answer is taken after sending (the link works, a 1-5 reply counts). */
  responseWindowHours: z.number().int().min(1, 'at least 1 hour').max(720, 'at most 30 days (720 hours)'),
  /** The channel kinds surveys are sent on. */
  channelKinds: z.array(z.string().min(1).max(40)).max(20),
});

export type CsatSettingsInput = z.infer<typeof csatSettingsSchema>;

export const DEFAULT_CSAT_SETTINGS: CsatSettingsInput = {
  enabled: false,
  question: 'How would you rate the help you received?',
  delayMinutes: 60,
  throttleDays: 30,
  responseWindowHours: 72,
  channelKinds: [],
};

/** An answer given on the survey page. */
export const csatAnswerSchema = z.object({
  score: z.number().int().min(1, 'choose 1 to 5').max(5, 'choose 1 to 5'),
  comment: z.string().trim().max(2_000, 'at most 2000 characters').optional(),
});

export type CsatAnswerInput = z.infer<typeof csatAnswerSchema>;
