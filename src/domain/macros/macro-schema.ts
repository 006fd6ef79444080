// The actions a macro runs, in order, as they are saved (and checked again when applied). Zod
// only (node-free): the /api/macros bodies and the web app's type check load it.
import { z } from 'zod';
import { placeholderKeys, unknownPlaceholders } from '../canned/placeholders.ts';
import { tagList } from '../conversations/tag-list.ts';


const priority = z.enum(['low', 'normal', 'high', 'urgent']);
const tags = tagList.refine((t) => t.length > 0, 'give at least one tag');

export const macroAction = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('reply'), text: z.string().trim().min(1, 'must not be empty').max(20_000) })
    .strict()
    .superRefine((a, ctx) => {
      const unknown = unknownPlaceholders(a.text);
      if (unknown.length) ctx.addIssue({ code: 'custom', path: ['text'], message: `unknown placeholder ${unknown.map((k) => `{{${k}}}`).join(', ')} (use ${placeholderKeys.map((k) => `{{${k}}}`).join(', ')})` });
    }),
  z.object({ type: z.literal('addTags'), tags }).strict(),
  z.object({ type: z.literal('removeTags'), tags }).strict(),
  z
    .object({ type: z.literal('assign'), assigneeId: z.string().min(1).nullable().optional(), teamId: z.string().min(1).nullable().optional() })
    .strict()
    .refine((a) => a.assigneeId !== undefined || a.teamId !== undefined, 'give assigneeId and/or teamId'),
  z.object({ type: z.literal('setStatus'), statusKey: z.string().trim().min(1, 'must not be empty') }).strict(),
  z.object({ type: z.literal('setPriority'), priority }).strict(),
]);

export type MacroAction = z.infer<typeof macroAction>;
export type MacroActionType = MacroAction['type'];

export const macroActions = z.array(macroAction).min(1, 'give at least one action').max(20, 'at most 20 actions');
