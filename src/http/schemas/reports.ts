// The query of GET /api/reports and the body of PUT /api/reports/settings. Zod only, so the web
// app's type check can load them (src/contract).
import { z } from 'zod';
import { thresholdsInputSchema } from '../../domain/reports/thresholds.ts';

const isoDate = z.iso.date({ error: 'use a YYYY-MM-DD date' });

export const reportQuery = z.object({
  from: isoDate,
  to: isoDate,
  bucket: z.enum(['day', 'week']).default('day'),
  repeatDays: z.coerce.number().int().min(1).max(90).default(7),
  calendarId: z.string().min(1).optional(),
});

const tag = z.string().trim().min(1, 'must not be empty').max(60);

export const reportSettingsBody = z
  .strictObject({
    thresholds: thresholdsInputSchema.optional(),
    complaintTags: z.array(tag).max(20).optional(),
    complaintPolicyIds: z.array(z.string().min(1)).max(20).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'give thresholds, complaintTags and/or complaintPolicyIds');
