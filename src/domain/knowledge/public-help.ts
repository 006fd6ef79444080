// The public help center of a workspace (no login): its categories and published articles, search
// over them, and one article rendered. The workspace is named by its slug or its id; drafts, articles
// in review and archived ones read exactly like articles that do not exist.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import { toCategoryView, toPublicSummary, type ArticleHit, type HelpCenterView, type PublicArticleSummary, type PublicArticleView } from './article-view.ts';
import { listCategories } from './categories.ts';
import { renderMarkdown } from './render-markdown.ts';
import { searchArticles } from './search-articles.ts';

async function helpWorkspace(db: Db, slugOrId: string): Promise<{ id: string; name: string; slug: string }> {
  const ws = await db.workspace.findFirst({ where: { OR: [{ slug: slugOrId }, { id: slugOrId }] }, select: { id: true, name: true, slug: true } });
  if (!ws) throw notFound('Help center');
  return ws;
}

const MAX_LISTED = 500;

export async function getHelpCenter(db: Db, slugOrId: string): Promise<HelpCenterView> {
  const ws = await helpWorkspace(db, slugOrId);
  const [categories, rows] = await Promise.all([
    listCategories(db, ws.id),
    db.knowledgeArticle.findMany({ where: { workspaceId: ws.id, state: 'published' }, orderBy: [{ title: 'asc' }], take: MAX_LISTED }),
  ]);
  const articles: PublicArticleSummary[] = rows.map((a) => toPublicSummary(a, ws.slug));
  return { workspace: { name: ws.name, slug: ws.slug }, categories, articles };
}

export async function searchHelpCenter(db: Db, slugOrId: string, q: string, limit: number): Promise<{ items: Omit<ArticleHit, 'state'>[] }> {
  const ws = await helpWorkspace(db, slugOrId);
  const hits = await searchArticles(db, { workspaceId: ws.id, workspaceSlug: ws.slug, q, states: ['published'], limit });
  return { items: hits.map(({ state: _state, ...hit }) => hit) };
}

export async function getPublicArticle(db: Db, slugOrId: string, articleSlug: string): Promise<PublicArticleView> {
  const ws = await helpWorkspace(db, slugOrId);
  const a = await db.knowledgeArticle.findFirst({ where: { workspaceId: ws.id, slug: articleSlug, state: 'published' }, include: { category: true } });
  if (!a) throw notFound('Article');
  return { ...toPublicSummary(a, ws.slug), html: renderMarkdown(a.body), publishedAt: a.publishedAt?.toISOString() ?? null, category: a.category ? toCategoryView(a.category) : null };
}
