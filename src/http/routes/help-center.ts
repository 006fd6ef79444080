// /api/help/:workspace: a workspace's public help center, for anyone (no session): the help page
// and the chat widget on the customer's own site (so the answers allow any origin; they carry
// published articles only). Rate-limited per address.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { getHelpCenter, getPublicArticle, searchHelpCenter } from '../../domain/knowledge/public-help.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { rateLimit } from '../rate-limit.ts';
import { helpSearchQuery } from '../schemas/knowledge.ts';
import { validate } from '../validate.ts';

const workspaceParam = z.object({ workspace: z.string().min(1).max(100) });
const articleParam = workspaceParam.extend({ slug: z.string().min(1).max(100) });

/** Published articles are public: any site's page (the widget) may read them. */
const open = (c: Context) => {
  c.header('access-control-allow-origin', '*');
  c.header('cache-control', 'public, max-age=30');
};

export function helpCenterRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const reads = rateLimit(deps, { name: 'help-read', rule: { burst: 60, perMinute: 120 } });
  app.get('/help/:workspace', allow('public'), reads, validate('param', workspaceParam), async (c) => {
    open(c);
    return c.json(await getHelpCenter(deps.db, c.req.valid('param').workspace));
  });
  app.get('/help/:workspace/search', allow('public'), reads, validate('param', workspaceParam), validate('query', helpSearchQuery), async (c) => {
    open(c);
    const { q, limit } = c.req.valid('query');
    return c.json(await searchHelpCenter(deps.db, c.req.valid('param').workspace, q, limit));
  });
  app.get('/help/:workspace/articles/:slug', allow('public'), reads, validate('param', articleParam), async (c) => {
    open(c);
    const { workspace, slug } = c.req.valid('param');
    return c.json(await getPublicArticle(deps.db, workspace, slug));
  });
  return app;
}
