// What the conversation endpoints validate: the list's and search's queries, and the bodies
// (reply, note, status, assign, priority and tags). Zod only, so the web app's type check can load
// them: src/contract gives it their input types.
import { z } from 'zod';
import { tagList } from '../../domain/conversations/tag-list.ts';

export const conversationStatuses = ['open', 'pending', 'snoozed', 'resolved'] as const;

export const statusList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
  .pipe(z.array(z.enum(conversationStatuses)).optional());

export const conversationListQuery = z.object({
  status: statusList,
  assignee: z.enum(['me', 'unassigned', 'all']).default('all'),
  channelId: z.string().optional(),
  teamId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const conversationSearchQuery = z.object({
  q: z.string().trim().min(1, 'give something to search for').max(200),
  status: statusList,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const textBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(100_000) });
const templateBody = z
  .object({
    /** The provider's template id (a Twilio Content SID "HX..."); `id` is accepted too. */
    contentSid: z.string().trim().min(1).max(200).optional(),
    id: z.string().trim().min(1).max(200).optional(),
    variables: z.record(z.string().max(100), z.string().max(2_000)).default({}),
  })
  .refine((t) => t.contentSid !== undefined || t.id !== undefined, 'give contentSid')
  .transform((t) => ({ id: (t.contentSid ?? t.id)!, variables: t.variables }));
const replyAttachment = z.object({
  filename: z.string().trim().min(1).max(255),
  contentType: z.string().trim().min(1).max(255).default('application/octet-stream'),
  contentBase64: z.string().min(1).regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64'),
});
/** A reply's idempotency key, made by the client once per reply and sent again with every retry of it. */
export const clientKey = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'clientKey is 8-100 letters, digits, _ or -');
export const replyBody = z
  .object({ text: z.string().trim().max(100_000).optional(), html: z.string().max(500_000).nullish(), template: templateBody.optional(), attachments: z.array(replyAttachment).max(10).optional(), clientKey: clientKey.optional() })
  .refine((b) => (b.text !== undefined && b.text !== '') || b.template !== undefined || (b.attachments?.length ?? 0) > 0, { message: 'must not be empty', path: ['text'] });
export const statusBody = z.object({
  status: z.enum(conversationStatuses).optional(),
  statusKey: z.string().min(1).optional(),
  snoozedUntil: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).nullish(),
  /** An optional line on why (with a snooze only), shown when it comes back. */
  snoozeReason: z.string().trim().max(200, 'a snooze reason has at most 200 characters').nullish().transform((s) => (s ? s : null)),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
}).refine((b) => b.status !== undefined || b.statusKey !== undefined, 'give status or statusKey');
export const assignBody = z
  .object({ assigneeId: z.string().min(1).nullable().optional(), teamId: z.string().min(1).nullable().optional() })
  .refine((b) => b.assigneeId !== undefined || b.teamId !== undefined, 'give assigneeId and/or teamId');

export { tagList };

export const conversationPatchBody = z
  .object({ priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(), tags: tagList.optional() })
  .strict()
  .refine((b) => b.priority !== undefined || b.tags !== undefined, 'give priority and/or tags');
