// The bodies /api/webhook-endpoints validates (create, change) and the log's query. Zod only, so
// the web app's type check can load them (src/contract).
import { z } from 'zod';
import { webhookEventTypes } from '../../domain/outgoing-webhooks/event-types.ts';

const fields = {
  url: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(2000)
    .refine((u) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password), 'must not carry a user name or password'),
  description: z.string().trim().max(500),
  events: z.array(z.enum(webhookEventTypes)).min(1, 'subscribe to at least one event').max(webhookEventTypes.length * 2),
  active: z.boolean(),
};
export const webhookEndpointCreateBody = z.object({ ...fields, description: fields.description.optional(), active: fields.active.optional() });
export const webhookEndpointUpdateBody = z.object(fields).partial().refine((b) => Object.keys(b).length > 0, 'give url, description, events and/or active');
export const webhookDeliveriesQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
