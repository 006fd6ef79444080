// GET /api/attachments/:id: downloads a file the viewer may see; only safe types inline, never
// HTML, always sandboxed, so a hostile upload cannot run script on our origin (download-headers.ts).
import { Hono } from 'hono';
import { z } from 'zod';
import { downloadHeaders } from '../../domain/media/download-headers.ts';
import { getAttachmentFile } from '../../domain/media/get-attachment-file.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { validate } from '../validate.ts';

export function attachmentRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/attachments/:id', allow('agent'), validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const file = await getAttachmentFile(deps, c.get('viewer'), c.req.valid('param').id);
    return c.body(new Uint8Array(file.content), 200, downloadHeaders({ ...file, size: file.content.length }));
  });
  return app;
}
