// Bodies and queries of the privacy endpoints (erasure, retention settings, audit log). Zod only,
// so the web app's type check can load it (src/contract).
import { z } from 'zod';

export { retentionSettingsSchema as retentionBody } from '../../domain/privacy/retention-schema.ts';

/** The admin types the word to confirm (checked by the domain, so a wrong word says what to type). */
export const eraseBody = z.object({ confirm: z.string().max(100) }).strict();

export const auditQuery = z.object({
  agentId: z.string().min(1).optional(),
  contactId: z.string().min(1).optional(),
  action: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
