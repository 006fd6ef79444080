// PATCH /api/conversations/:id {priority?, tags?} and POST /api/conversations/:id/read (the
// viewer's unread marker).
import { Hono, type MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { markConversationRead } from '../../domain/conversations/mark-conversation-read.ts';
import { updateConversation } from '../../domain/conversations/update-conversation.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { conversationPatchBody } from '../schemas/conversations.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function conversationUpdateRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // The conversations router may have authenticated this request already; do not look it up twice.
  const auth: MiddlewareHandler<AppEnv> = (c, next) => (c.get('viewer') ? next() : requireAuth(deps)(c, next));
  app.patch('/conversations/:id', auth, validate('param', idParam), validate('json', conversationPatchBody), async (c) => {
    return c.json(await updateConversation(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  app.post('/conversations/:id/read', auth, validate('param', idParam), async (c) => {
    return c.json(await markConversationRead(deps, c.get('viewer'), c.req.valid('param').id));
  });
  return app;
}
