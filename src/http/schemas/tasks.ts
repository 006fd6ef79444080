// What /api/tasks validates: the list's query and the bodies (create, change). Zod only, so the
// web app's type check can load them (src/contract).
import { z } from 'zod';

const dueAt = z.iso.datetime({ offset: true, message: 'must be a date and time such as 2026-12-04T15:00:00Z' }).transform((s) => new Date(s));
const title = z.string().trim().min(1, 'must not be empty').max(200);
const note = z.string().trim().max(5_000).nullish().transform((s) => (s ? s : null));
const bool = z.enum(['true', 'false']).transform((s) => s === 'true');

export const taskListQuery = z.object({
  mine: bool.optional(),
  conversationId: z.string().min(1).optional(),
  contactId: z.string().min(1).optional(),
  done: bool.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const taskCreateBody = z
  .object({ title, note, dueAt, assigneeId: z.string().min(1).optional(), conversationId: z.string().min(1).optional(), contactId: z.string().min(1).optional() })
  .strict()
  .refine((b) => b.conversationId !== undefined || b.contactId !== undefined, { message: 'give conversationId or contactId', path: ['conversationId'] });

export const taskUpdateBody = z
  .object({ title: title.optional(), note: z.string().trim().max(5_000).nullable().optional(), dueAt: dueAt.optional(), assigneeId: z.string().min(1).optional(), done: z.boolean().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'give title, note, dueAt, assigneeId and/or done');
