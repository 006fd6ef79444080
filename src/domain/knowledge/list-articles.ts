// The Knowledge page's list and the composer's picker: a workspace's articles filtered by state,
// category and language, newest change first; with `q`, search hits ranked instead.
import type { Db } from '../../db/client.ts';
import { notFound } from '../../errors.ts';
import type { Viewer } from '../auth/viewer.ts';
import { articleInclude } from './article-include.ts';
import { toArticleView, type ArticleHit, type ArticleState, type ArticleView } from './article-view.ts';
import { searchArticles } from './search-articles.ts';

export interface ArticleFilter {
  state?: ArticleState[];
  categoryId?: string;
  language?: string;
  q?: string;
  limit: number;
}

export const ALL_STATES: ArticleState[] = ['draft', 'in_review', 'published', 'archived'];

export async function listArticles(db: Db, viewer: Viewer, f: ArticleFilter): Promise<{ items: ArticleView[] }> {
  const rows = await db.knowledgeArticle.findMany({
    where: { workspaceId: viewer.workspaceId, ...(f.state?.length ? { state: { in: f.state } } : {}), ...(f.categoryId ? { categoryId: f.categoryId } : {}), ...(f.language ? { language: f.language } : {}) },
    include: articleInclude,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: f.limit,
  });
  return { items: rows.map(toArticleView) };
}

export async function searchWorkspaceArticles(db: Db, viewer: Viewer, f: ArticleFilter & { q: string }): Promise<{ items: ArticleHit[] }> {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: viewer.workspaceId }, select: { slug: true } });
  const items = await searchArticles(db, { workspaceId: viewer.workspaceId, workspaceSlug: ws.slug, q: f.q, states: f.state?.length ? f.state : ALL_STATES, categoryId: f.categoryId, language: f.language, limit: f.limit });
  return { items };
}

export async function getArticle(db: Db, viewer: Viewer, id: string): Promise<ArticleView> {
  const row = await db.knowledgeArticle.findFirst({ where: { id, workspaceId: viewer.workspaceId }, include: articleInclude });
  if (!row) throw notFound('Article');
  return toArticleView(row);
}
