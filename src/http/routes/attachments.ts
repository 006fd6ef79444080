// GET /api/attachments/:id: downloads a file the viewer may see, as an attachment (never inline
// HTML, so a hostile upload cannot run script on our origin).
import { Hono } from 'hono';
import { z } from 'zod';
import { visibleConversationsWhere } from '../../domain/conversations/visibility.ts';
import { AppError, notFound } from '../../errors.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { validate } from '../validate.ts';

export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/attachments/:id', requireAuth(deps), validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const viewer = c.get('viewer');
    const a = await deps.db.attachment.findFirst({
      where: { id: c.req.valid('param').id, message: { conversation: visibleConversationsWhere(viewer) } },
    });
    if (!a) throw notFound('Attachment');
    if (!a.storageKey && a.fetchError) throw new AppError('conflict', `This file could not be downloaded from the provider: ${a.fetchError}`);
    if (!a.storageKey) throw new AppError('conflict', 'This file has not been downloaded from the provider yet');
    const content = await deps.store.get(a.storageKey);
    const asciiName = a.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(content), 200, {
      'content-type': a.contentType,
      'content-length': String(content.length),
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(a.filename)}`,
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
