// What the knowledge base endpoints validate: articles, categories, review steps, the list's and
// search's queries (agents' and the public help center's). Zod only, so the web app's type check
// can load them (src/contract).
import { z } from 'zod';

export const articleStates = ['draft', 'in_review', 'published', 'archived'] as const;
export const reviewSteps = ['submit', 'approve', 'reject', 'archive', 'restore'] as const;

/** ISO 639-1 (two letters, "en", "ru", "zh"), optionally with a region ("pt-br"); kept lower-case. */
const language = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}(-[a-z0-9]{2,8})?$/, 'use an ISO 639-1 language code such as en, ru or zh');
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)*$/u, 'use letters and digits with single dashes between words')
  .max(80);

const articleFields = {
  title: z.string().trim().min(1, 'must not be empty').max(200),
  body: z.string().trim().min(1, 'must not be empty').max(100_000),
  language,
  categoryId: z.string().min(1).nullable().optional(),
  slug: slug.optional(),
};
export const articleCreateBody = z.object(articleFields);
export const articleUpdateBody = z
  .object(articleFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give title, body, language, categoryId and/or slug');
export const articleReviewBody = z.object({ comment: z.string().trim().max(2000).optional() });
export const reviewStepParam = z.object({ id: z.string().min(1), step: z.enum(reviewSteps) });
export const markdownPreviewBody = z.object({ body: z.string().max(100_000) });

const stateList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
  .pipe(z.array(z.enum(articleStates)).optional());
const q = z.string().trim().min(1, 'give something to search for').max(200);

export const articleListQuery = z.object({
  state: stateList,
  categoryId: z.string().min(1).optional(),
  language: language.optional(),
  q: q.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export const helpSearchQuery = z.object({ q, limit: z.coerce.number().int().min(1).max(20).default(8) });

const categoryFields = { name: z.string().trim().min(1, 'must not be empty').max(80), position: z.number().int().min(0).max(10_000).optional() };
export const categoryCreateBody = z.object(categoryFields);
export const categoryUpdateBody = z
  .object(categoryFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'give name and/or position');
