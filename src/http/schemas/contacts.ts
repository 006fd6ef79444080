// The body PATCH /api/contacts/:id validates (name, stage, tier, tags, custom attributes) and the
// query of GET /api/contacts/:id/timeline. Zod only, so the web app's type check can load it (src/contract).
import { z } from 'zod';
import { tagList } from './conversations.ts';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((s) => (s === '' ? null : s));

export const contactPatchBody = z
  .object({
    name: optionalText(200),
    lifecycleStage: optionalText(50),
    tier: optionalText(50),
    tags: tagList.optional(),
    attributes: z
      .record(z.string().trim().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
      .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
      .optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field to change');

/** A page of the cross-channel timeline: `before` is the previous page's `next`. */
export const contactTimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().min(1).max(100).optional(),
});
