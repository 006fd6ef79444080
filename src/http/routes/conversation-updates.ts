// PATCH /api/conversations/:id {priority?, tags?} and POST /api/conversations/:id/read (the
// viewer's unread marker).
import { Hono } from 'hono';
import { z } from 'zod';
import { markConversationRead } from '../../domain/conversations/mark-conversation-read.ts';
import { updateConversation } from '../../domain/conversations/update-conversation.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { conversationPatchBody } from '../schemas/conversations.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function conversationUpdateRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.patch('/conversations/:id', allow('agent'), validate('param', idParam), validate('json', conversationPatchBody), async (c) => {
    return c.json(await updateConversation(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  app.post('/conversations/:id/read', allow('agent'), validate('param', idParam), async (c) => {
    return c.json(await markConversationRead(deps, c.get('viewer'), c.req.valid('param').id));
  });
  return app;
}
