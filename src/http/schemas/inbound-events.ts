// The queries and bodies /api/inbound-events validates. Zod only, so the web app's type check can
// load them (src/contract).
import { z } from 'zod';

export const inboundEventListQuery = z.object({
  status: z.enum(['received', 'processed', 'ignored', 'failed', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const inboundEventRetryBody = z.object({
  ids: z.array(z.string().min(1)).min(1, 'name at least one event').max(100, 'retry at most 100 events at once'),
});
