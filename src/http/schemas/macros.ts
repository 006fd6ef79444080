// What /api/macros validates: a macro's name, whether it is shared, and its actions in order
// (src/domain/macros/macro-schema.ts); applying one names the conversation. Zod only, so the web
// app's type check can load them.
import { z } from 'zod';
import { macroActions } from '../../domain/macros/macro-schema.ts';
import { clientKey } from './conversations.ts';

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(100),
  /** true: every agent of the workspace sees it; false: only its owner (the one who saved it). */
  shared: z.boolean(),
  actions: macroActions,
};
export const macroCreateBody = z.object(fields).strict();
export const macroUpdateBody = z.object(fields).partial().strict().refine((b) => Object.keys(b).length > 0, 'give name, shared and/or actions');
export const macroApplyBody = z.object({ conversationId: z.string().min(1), clientKey: clientKey.optional() }).strict();
