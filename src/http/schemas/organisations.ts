// The bodies and query /api/organisations validates. Zod only, so the web app's type check can load
// them (src/contract).
import { z } from 'zod';

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/^.*@/, ''))
  .pipe(z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/, 'use a domain such as acme.com'));

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(200),
  domains: z.array(domain).max(20).optional(),
  notes: z.string().max(10_000).nullable().optional(),
  attributes: z
    .record(z.string().trim().min(1).max(100), z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]))
    .refine((a) => Object.keys(a).length <= 100, 'at most 100 attributes')
    .optional(),
};

export const organisationBody = z.object(fields).strict();
export const organisationPatchBody = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give name, domains, notes and/or attributes');
export const organisationListQuery = z.object({ q: z.string().trim().max(200).optional(), domain: z.string().trim().max(200).optional() });
