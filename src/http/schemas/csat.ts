// Bodies and queries of the satisfaction survey endpoints. Zod only, so the web app's type check
// can load it (src/contract).
import { z } from 'zod';

export { csatAnswerSchema as csatAnswerBody, csatSettingsSchema as csatSettingsBody } from '../../domain/csat/csat-schema.ts';

export const csatSurveysQuery = z.object({
  /** Sent at or after (ISO 8601). */
  from: z.coerce.date().optional(),
  /** Sent before (ISO 8601). */
  to: z.coerce.date().optional(),
  agentId: z.string().min(1).optional(),
  teamId: z.string().min(1).optional(),
  channelKind: z.string().min(1).max(40).optional(),
  status: z.enum(['scheduled', 'sent', 'answered', 'skipped']).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
