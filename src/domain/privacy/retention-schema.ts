// The retention settings' shape and defaults (days), shared by the API and the web app.
import { z } from 'zod';

const days = z.number().int().min(1, 'At least 1 day').max(36_500, 'At most 100 years');

export const retentionSettingsSchema = z.object({
  /** Raw inbound payloads (InboundEvent rows) once processed or ignored. */
  rawPayloadDays: days,
  /** Webhook requests rejected by signature verification. */
  rejectedWebhookDays: days,
  /** Login sessions this long past their expiry. */
  expiredSessionDays: days,
  /** Website chat visitors not seen for this long. */
  visitorDays: days,
  /** Resolved conversations' texts and files; null keeps them. */
  resolvedConversationDays: days.nullable(),
});

export type RetentionSettingsInput = z.infer<typeof retentionSettingsSchema>;

export const DEFAULT_RETENTION: RetentionSettingsInput = {
  rawPayloadDays: 30,
  rejectedWebhookDays: 14,
  expiredSessionDays: 30,
  visitorDays: 180,
  resolvedConversationDays: null,
};

