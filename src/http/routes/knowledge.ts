// /api/knowledge: the knowledge base for agents. Everyone reads, writes drafts and submits them;
// the domain leaves approving, sending back, archiving and categories to supervisors and admins.
import { Hono } from 'hono';
import { z } from 'zod';
import { createCategory, listCategories, updateCategory } from '../../domain/knowledge/categories.ts';
import { getArticle, listArticles, searchWorkspaceArticles } from '../../domain/knowledge/list-articles.ts';
import { renderMarkdown } from '../../domain/knowledge/render-markdown.ts';
import { reviewArticle } from '../../domain/knowledge/review-article.ts';
import { createArticle, updateArticle } from '../../domain/knowledge/save-article.ts';
import type { AppDeps, AppEnv } from '../context.ts';
import { allow } from '../permissions.ts';
import { articleCreateBody, articleListQuery, articleReviewBody, articleUpdateBody, categoryCreateBody, categoryUpdateBody, markdownPreviewBody, reviewStepParam } from '../schemas/knowledge.ts';
import { validate } from '../validate.ts';

const idParam = z.object({ id: z.string().min(1) });

export function knowledgeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/knowledge/categories', allow('agent'), async (c) => c.json({ items: await listCategories(deps.db, c.get('viewer').workspaceId) }));
  app.post('/knowledge/categories', allow('supervisor'), validate('json', categoryCreateBody), async (c) => c.json(await createCategory(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.patch('/knowledge/categories/:id', allow('supervisor'), validate('param', idParam), validate('json', categoryUpdateBody), async (c) => {
    return c.json(await updateCategory(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });

  app.get('/knowledge/articles', allow('agent'), validate('query', articleListQuery), async (c) => {
    const query = c.req.valid('query');
    const viewer = c.get('viewer');
    return c.json(query.q ? await searchWorkspaceArticles(deps.db, viewer, { ...query, q: query.q }) : await listArticles(deps.db, viewer, query));
  });
  app.post('/knowledge/articles', allow('agent'), validate('json', articleCreateBody), async (c) => c.json(await createArticle(deps.db, c.get('viewer'), c.req.valid('json')), 201));
  app.get('/knowledge/articles/:id', allow('agent'), validate('param', idParam), async (c) => c.json(await getArticle(deps.db, c.get('viewer'), c.req.valid('param').id)));
  app.patch('/knowledge/articles/:id', allow('agent'), validate('param', idParam), validate('json', articleUpdateBody), async (c) => {
    return c.json(await updateArticle(deps.db, c.get('viewer'), c.req.valid('param').id, c.req.valid('json')));
  });
  app.post('/knowledge/articles/:id/:step', allow('agent'), validate('param', reviewStepParam), validate('json', articleReviewBody), async (c) => {
    const { id, step } = c.req.valid('param');
    return c.json(await reviewArticle(deps.db, deps.clock, c.get('viewer'), id, { step, comment: c.req.valid('json').comment }));
  });
  app.post('/knowledge/preview', allow('agent'), validate('json', markdownPreviewBody), async (c) => c.json({ html: renderMarkdown(c.req.valid('json').body) }));
  return app;
}
