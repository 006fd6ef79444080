// GET /api/attachments/:id: downloads a file the viewer may see, as an attachment (never inline
// HTML, so a hostile upload cannot run script on our origin).
import { Hono } from 'hono';
import { z } from 'zod';
import { getAttachmentFile } from '../../domain/media/get-attachment-file.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { validate } from '../validate.ts';

export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/attachments/:id', allow('agent'), validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const file = await getAttachmentFile(deps, c.get('viewer'), c.req.valid('param').id);
    const asciiName = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return c.body(new Uint8Array(file.content), 200, {
      'content-type': file.contentType,
      'content-length': String(file.content.length),
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'x-content-type-options': 'nosniff',
    });
  });
  return app;
}
