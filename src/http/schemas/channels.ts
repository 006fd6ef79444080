// The bodies /api/channels validates: a new channel's fields (the route adds `kind`, checked
// against the registry) and a change. Zod only, so the web app's type check can load them
// (src/contract).
import { z } from 'zod';

// `JsonValue`: the name the API's OpenAPI document gives this (recursive) schema.
const settings = z.record(z.string(), z.json().meta({ id: 'JsonValue' }));

export const channelFields = { name: z.string().trim().min(1).max(80), address: z.string().trim().min(1).max(200), settings: settings.default({}) };

export const channelPatchBody = z
  .object({ name: z.string().trim().min(1).max(80).optional(), active: z.boolean().optional(), settings: settings.optional() })
  .refine((b) => b.name !== undefined || b.active !== undefined || b.settings !== undefined, 'give name, active and/or settings');
