// How knowledge base articles and categories are shown: to agents (every field of the workflow) and
// to the public help page and widget (published text only). Node-free (src/contract).
import type { KnowledgeArticle, KnowledgeCategory } from '../../db/model-types.ts';
import { excerptOf } from './search-text.ts';

export type ArticleState = KnowledgeArticle['state'];

export function toCategoryView(c: KnowledgeCategory) {
  return { id: c.id, name: c.name, slug: c.slug, position: c.position };
}

type ArticleRow = KnowledgeArticle & { author: { name: string }; reviewer: { name: string } | null; workspace: { slug: string } };

export function toArticleView(a: ArticleRow) {
  return {
    id: a.id,
    categoryId: a.categoryId,
    title: a.title,
    slug: a.slug,
    /** Its public page (served only while it is published). */
    path: helpPath(a.workspace.slug, a.slug),
    body: a.body,
    excerpt: excerptOf(a.body),
    language: a.language,
    state: a.state,
    author: { id: a.authorId, name: a.author.name },
    reviewer: a.reviewerId && a.reviewer ? { id: a.reviewerId, name: a.reviewer.name } : null,
    reviewComment: a.reviewComment,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** What the help page, the widget and the composer's picker list: no workflow fields. */
export interface PublicArticleSummary {
  id: string;
  slug: string;
  title: string;
  excerpt: string;
  language: string;
  categoryId: string | null;
  /** The path of its public page: /help/<workspace slug>/<article slug>. */
  path: string;
}

export const helpPath = (workspaceSlug: string, articleSlug?: string) =>
  `/help/${encodeURIComponent(workspaceSlug)}${articleSlug ? `/${encodeURIComponent(articleSlug)}` : ''}`;

export function toPublicSummary(a: Pick<KnowledgeArticle, 'id' | 'slug' | 'title' | 'body' | 'language' | 'categoryId'>, workspaceSlug: string): PublicArticleSummary {
  return { id: a.id, slug: a.slug, title: a.title, excerpt: excerptOf(a.body), language: a.language, categoryId: a.categoryId, path: helpPath(workspaceSlug, a.slug) };
}

export type CategoryView = ReturnType<typeof toCategoryView>;
export type ArticleView = ReturnType<typeof toArticleView>;
/** A search hit: the summary and its rank (higher is better). */
export type ArticleHit = PublicArticleSummary & { state: ArticleState; rank: number };
export interface PublicArticleView extends PublicArticleSummary {
  html: string;
  publishedAt: string | null;
  category: CategoryView | null;
}
export interface HelpCenterView {
  workspace: { name: string; slug: string };
  categories: CategoryView[];
  articles: PublicArticleSummary[];
}
