// Admin view of inbound events: what failed to parse and why, and re-processing after a fix.
import { Hono } from 'hono';
import { z } from 'zod';
import { enqueueIngest } from '../../domain/inbound/accept-inbound-event.ts';
import { recordAudit } from '../../domain/audit/record-audit.ts';
import { requireSupervisor } from '../../domain/conversations/visibility.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

const listQuery = z.object({
  status: z.enum(['received', 'processed', 'ignored', 'failed', 'rejected']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function inboundEventRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('/inbound-events/*', requireAuth(deps));
  app.use('/inbound-events', requireAuth(deps));
  app.get('/inbound-events', validate('query', listQuery), async (c) => {
    const viewer = c.get('viewer');
    requireSupervisor(viewer, 'inspect inbound events');
    const q = c.req.valid('query');
    const rows = await deps.db.inboundEvent.findMany({
      where: { workspaceId: viewer.workspaceId, ...(q.status ? { status: q.status } : {}) },
      orderBy: { receivedAt: 'desc' },
      take: q.limit,
      select: { id: true, channelId: true, externalId: true, status: true, error: true, attempts: true, messageId: true, receivedAt: true, processedAt: true },
    });
    return c.json({ items: rows });
  });
  app.post('/inbound-events/:id/retry', validate('param', z.object({ id: z.string() })), async (c) => {
    const viewer = c.get('viewer');
    requireSupervisor(viewer, 're-process inbound events');
    const event = await deps.db.inboundEvent.findFirst({ where: { id: c.req.valid('param').id, workspaceId: viewer.workspaceId } });
    if (!event) throw notFound('Inbound event');
    if (event.status === 'processed') throw new AppError('conflict', 'This event was processed already');
    if (event.status === 'rejected') throw new AppError('conflict', 'This request failed verification; it is kept for inspection and cannot be processed');
    await deps.db.inboundEvent.update({ where: { id: event.id }, data: { status: 'received', error: null, processedAt: null } });
    await recordAudit(deps.db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'inbound_event.retry', targetType: 'inbound_event', targetId: event.id });
    await deps.queues.requeue('ingest', { inboundEventId: event.id }).catch(() => enqueueIngest(deps, event.id));
    return c.json({ id: event.id, status: 'received' }, 202);
  });
  return app;
}
