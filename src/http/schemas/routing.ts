// The bodies /api/queues and /api/statuses validate. Zod only, so the web app's type check can
// load them (src/contract). A PATCH schema has no defaults: a field not sent stays as it is.
import { z } from 'zod';

const queueFields = {
  name: z.string().trim().min(1, 'must not be empty').max(80),
  teamId: z.string().min(1).nullable(),
  mode: z.enum(['push', 'offer']),
  offerTimeoutSeconds: z.number().int().min(5, 'at least 5 seconds').max(3600, 'at most an hour'),
};

export const queueCreateBody = z.object({
  name: queueFields.name,
  teamId: queueFields.teamId.optional(),
  mode: queueFields.mode.default('push'),
  offerTimeoutSeconds: queueFields.offerTimeoutSeconds.default(30),
});

export const queuePatchBody = z
  .object(queueFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give name, teamId, mode and/or offerTimeoutSeconds');

const statusFields = {
  label: z.string().trim().min(1, 'must not be empty').max(60),
  category: z.enum(['open', 'pending', 'snoozed', 'resolved']),
  slaClock: z.enum(['run', 'pause', 'stop']),
  /** Move on by itself after this long in the status (at least a minute), to `autoToKey`. */
  autoAfterSeconds: z.number().int().min(60, 'at least a minute').nullable(),
  autoToKey: z.string().min(1).nullable(),
};

export const statusCreateBody = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_-]{1,40}$/, 'lower-case letters, digits, - and _'),
  label: statusFields.label,
  category: statusFields.category,
  slaClock: statusFields.slaClock,
  autoAfterSeconds: statusFields.autoAfterSeconds.default(null),
  autoToKey: statusFields.autoToKey.default(null),
});

export const statusPatchBody = z
  .object(statusFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give label, category, slaClock, autoAfterSeconds and/or autoToKey');

export type QueueCreate = z.infer<typeof queueCreateBody>;
export type QueuePatch = z.infer<typeof queuePatchBody>;
export type StatusCreate = z.infer<typeof statusCreateBody>;
export type StatusPatch = z.infer<typeof statusPatchBody>;
