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
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const statuses = ['open', 'pending', 'snoozed', 'resolved'] as const;

const statusList = z
  .string()
  .optional()
  .transform((s) => (s ? s.split(',').map((x) => x.trim()) : undefined))
  .pipe(z.array(z.enum(statuses)).optional());

const listQuery = z.object({
  status: statusList,
  assignee: z.enum(['me', 'unassigned', 'all']).default('all'),
  channelId: z.string().optional(),
  teamId: z.string().optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const searchQuery = z.object({
  q: z.string().trim().min(1, 'give something to search for').max(200),
  status: statusList,
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

const idParam = z.object({ id: z.string().min(1) });
const textBody = z.object({ text: z.string().trim().min(1, 'must not be empty').max(100_000) });
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
const replyBody = z
  .object({ text: z.string().trim().max(100_000).optional(), html: z.string().max(500_000).nullish(), template: templateBody.optional(), attachments: z.array(replyAttachment).max(10).optional() })
  .refine((b) => (b.text !== undefined && b.text !== '') || b.template !== undefined || (b.attachments?.length ?? 0) > 0, { message: 'must not be empty', path: ['text'] });
const statusBody = z.object({
  status: z.enum(statuses).optional(),
  statusKey: z.string().min(1).optional(),
  snoozedUntil: z.iso.datetime({ offset: true }).transform((s) => new Date(s)).nullish(),
  priority: z.enum(['low', 'normal', 'high', 'urgent']).optional(),
}).refine((b) => b.status !== undefined || b.statusKey !== undefined, 'give status or statusKey');
const assignBody = z
  .object({ assigneeId: z.string().min(1).nullable().optional(), teamId: z.string().min(1).nullable().optional() })
  .refine((b) => b.assigneeId !== undefined || b.teamId !== undefined, 'give assigneeId and/or teamId');

export function conversationRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('/conversations/*', requireAuth(deps));
  app.use('/conversations', requireAuth(deps));
  app.use('/search', requireAuth(deps));

  app.get('/conversations', validate('query', listQuery), async (c) => {
    return c.json(await listConversations(deps.db, c.get('viewer'), c.req.valid('query')));
  });
  app.get('/search', validate('query', searchQuery), async (c) => {
    return c.json(await searchConversations(deps.db, c.get('viewer'), c.req.valid('query')));
  });
  app.get('/conversations/:id', validate('param', idParam), async (c) => {
    return c.json(await getConversation(deps.db, c.get('viewer'), c.req.valid('param').id));
  });
  app.post('/conversations/:id/messages', validate('param', idParam), validate('json', replyBody), async (c) => {
    return c.json(await queueReply(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }), 202);
  });
  app.post('/conversations/:id/notes', validate('param', idParam), validate('json', textBody), async (c) => {
    return c.json(await addNote(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, text: c.req.valid('json').text }), 201);
  });
  app.post('/conversations/:id/status', validate('param', idParam), validate('json', statusBody), async (c) => {
    return c.json(await changeConversationStatus(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  app.post('/conversations/:id/assign', validate('param', idParam), validate('json', assignBody), async (c) => {
    return c.json(await assignConversation(deps, c.get('viewer'), { conversationId: c.req.valid('param').id, ...c.req.valid('json') }));
  });
  return app;
}
