// PATCH /api/conversations/:id {priority?, tags?} and POST /api/conversations/:id/read (the
// viewer's unread marker).
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { markConversationRead } from '../../domain/conversations/mark-conversation-read.ts';
import { updateConversation } from '../../domain/conversations/update-conversation.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export const tagList = z
  .array(z.string().trim().min(1, 'a tag must not be empty').max(50, 'a tag has at most 50 characters'))
  .max(30, 'at most 30 tags')
  .transform((tags) => [...new Set(tags)]);

const patchBody = z
  .object({ priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(), tags: tagList.optional() })
  .strict()
  .refine((b) => b.priority !== undefined || b.tags !== undefined, 'give priority and/or tags');

export function conversationUpdateRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // The conversations router may have authenticated this request already; do not look it up twice.
  const auth: MiddlewareHandler<AppEnv> = (c, next) => (c.get('viewer') ? next() : requireAuth(deps)(c, next));
  app.patch('/conversations/:id', auth, validate('param', idParam), validate('json', patchBody), async (c) => {
    return c.json(await updateConversation(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  app.post('/conversations/:id/read', auth, validate('param', idParam), async (c) => {
    return c.json(await markConversationRead(deps, c.get('viewer'), c.req.valid('param').id));
  });
  return app;
}
