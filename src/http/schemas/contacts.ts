// The body PATCH /api/contacts/:id validates (name, stage, tier, tags, custom attributes, company,
// owner), the query of GET /api/contacts/:id/timeline, the contacts list and its saved views, and
// the lifecycle stage and attribute definition settings. Zod only, so the web app's type check can load it (src/contract).
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
    organisationId: z.string().min(1).max(100).nullable().optional(),
    ownerId: z.string().min(1).max(100).nullable().optional(),
  })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give at least one field to change');

/** A page of the cross-channel timeline: `before` is the previous page's `next`. */
export const contactTimelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().min(1).max(100).optional(),
});

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/, 'use a date, YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(s)), 'not a real date');
const filterText = (max: number) => z.string().trim().min(1).max(max).optional();

/** The filters of the contacts list; a saved view stores exactly this. `ownerId` may be "me" or "none"; `stage` "none" finds contacts without one. */
export const contactListFilters = z
  .object({
    q: filterText(200),
    stage: filterText(50),
    tier: filterText(50),
    tag: filterText(50),
    attrKey: filterText(100),
    attrValue: z.string().max(2000).optional(),
    ownerId: filterText(100),
    organisationId: filterText(100),
    channel: filterText(50),
    lastContactFrom: isoDate.optional(),
    lastContactTo: isoDate.optional(),
  })
  .strict()
  .refine((f) => (f.attrKey === undefined) === (f.attrValue === undefined), { message: 'give attrKey and attrValue together', path: ['attrValue'] });

/** GET /api/contacts: the filters, a page size and the `next` cursor of the previous page. */
export const contactListQuery = contactListFilters.safeExtend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().min(1).max(200).optional(),
});

export const savedContactViewBody = z
  .object({ name: z.string().trim().min(1, 'must not be empty').max(100), shared: z.boolean().default(false), filters: contactListFilters })
  .strict();
export const savedContactViewPatchBody = z
  .object({ name: z.string().trim().min(1, 'must not be empty').max(100).optional(), shared: z.boolean().optional(), filters: contactListFilters.optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give name, shared and/or filters');

const stageName = z.string().trim().min(1, 'must not be empty').max(50);
export const lifecycleStageBody = z.object({ name: stageName, position: z.number().int().min(0).optional() }).strict();
export const lifecycleStagePatchBody = z.object({ name: stageName }).strict();
export const lifecycleStageOrderBody = z.object({ ids: z.array(z.string().min(1)).min(1).max(100) }).strict();
/** DELETE /api/lifecycle-stages/:id?moveTo=<stage id>|none: where the contacts in it go. */
export const lifecycleStageDeleteQuery = z.object({ moveTo: z.string().min(1).max(100).optional() });

const attributeLabel = z.string().trim().min(1, 'must not be empty').max(100);
const attributeOptions = z.array(z.string().trim().min(1).max(100)).max(100).transform((o) => [...new Set(o)]);
export const attributeDefinitionBody = z
  .object({
    key: z.string().trim().regex(/^[a-z][a-z0-9_]{0,49}$/, 'use 1-50 lower-case letters, digits or _, starting with a letter'),
    label: attributeLabel,
    type: z.enum(['text', 'number', 'date', 'choice']),
    options: attributeOptions.optional(),
    required: z.boolean().optional(),
  })
  .strict();
export const attributeDefinitionPatchBody = z
  .object({ label: attributeLabel.optional(), options: attributeOptions.optional(), required: z.boolean().optional() })
  .strict()
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'give label, options and/or required');
