// The agent's conversation endpoints: list, search, view, reply, note, status, assign.
import { Hono } from 'hono';
import { z } from 'zod';
import { assignConversation } from '../../domain/conversations/assign-conversation.ts';
import { changeConversationStatus } from '../../domain/conversations/change-status.ts';
import { getConversation } from '../../domain/conversations/get-conversation.ts';
import { listConversations } from '../../domain/conversations/list-conversations.ts';
import { searchConversations } from '../../domain/conversations/search-conversations.ts';
import { addNote } from '../../domain/messages/add-note.ts';
import { queueReply } from '../../domain/messages/queue-reply.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { auditReads } from '../audit-reads.ts';
import { allow } from '../permissions.ts';
import { assignBody, clientKey, conversationListQuery, conversationSearchQuery, replyBody, statusBody, textBody } from '../schemas/conversations.ts';
import { AppError } from '../../errors.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function conversationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/conversations', allow('agent'), validate('query', conversationListQuery), async (c) => {
    return c.json(await listConversations(deps.db, c.get('viewer'), c.req.valid('query')));
  });
  app.get('/search', allow('agent'), validate('query', conversationSearchQuery), async (c) => {
    return c.json(await searchConversations(deps.db, c.get('viewer'), c.req.valid('query')));
  });
  app.get('/conversations/:id', allow('agent'), auditReads(deps, 'conversation'), validate('param', idParam), async (c) => {
    return c.json(await getConversation(deps, c.get('viewer'), c.req.valid('param').id));
  });
  app.post('/conversations/:id/messages', allow('agent'), validate('param', idParam), validate('json', replyBody), async (c) => {
    // API clients may send the key as an Idempotency-Key header instead of in the body.
    const body = c.req.valid('json');
    const key = body.clientKey ?? headerKey(c.req.header('idempotency-key'));
    return c.json(await queueReply(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...body, clientKey: key }), 202);
  });
  app.post('/conversations/:id/notes', allow('agent'), validate('param', idParam), validate('json', textBody), async (c) => {
    return c.json(await addNote(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, text: c.req.valid('json').text }), 201);
  });
  app.post('/conversations/:id/status', allow('agent'), validate('param', idParam), validate('json', statusBody), async (c) => {
    return c.json(await changeConversationStatus(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  app.post('/conversations/:id/assign', allow('agent'), validate('param', idParam), validate('json', assignBody), async (c) => {
    return c.json(await assignConversation(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  return app;
}

/** An Idempotency-Key header, checked like the body's clientKey (a malformed one is refused, not ignored). */
function headerKey(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const parsed = clientKey.safeParse(value.trim());
  if (!parsed.success) throw new AppError('validation_failed', `Idempotency-Key: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
