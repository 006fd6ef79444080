// GET /api/channels: the workspace's channels (id, kind, name, address, what files a reply may carry).
import { Hono } from 'hono';
import { listChannels } from '../../domain/channels/list-channels.ts';
import { requireAuth } from '../auth-middleware.ts';
import type { AppDeps, AppEnv } from '../context.ts';

export function channelRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/channels', requireAuth(deps), async (c) => c.json({ items: await listChannels(deps, c.get('viewer')) }));
  return app;
}
