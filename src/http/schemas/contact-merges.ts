// Bodies and queries of the merge routes: "Merge with..." search, the side-by-side preview, the
// merge with its conflict choices, "not a duplicate". Zod only (src/contract loads it).
import { z } from 'zod';

const contactId = z.string().trim().min(1).max(100);
const side = z.enum(['survivor', 'merged']);
const sideByKey = z.record(z.string().min(1).max(100), side).refine((r) => Object.keys(r).length <= 200, 'at most 200 choices');

export const contactSearchQuery = z.object({
  q: z.string().trim().min(1, 'type part of a name, email or phone').max(200),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** `otherId` is checked by the domain after the contact of the path (so a caller who may not see it gets 404, not 422). */
export const mergePreviewQuery = z.object({ otherId: contactId.optional() });

export const mergeBody = z
  .object({
    /** The contact merged into the one of the path (which survives). */
    otherId: contactId,
    choices: z
      .object({ fields: sideByKey.optional(), attributes: sideByKey.optional(), tags: z.enum(['survivor', 'merged', 'union']).optional() })
      .strict()
      .default({}),
  })
  .strict();

export const dismissDuplicateBody = z.object({ otherId: contactId }).strict();
