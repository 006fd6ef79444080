// The API calls of the knowledge base (agents) and of the public help center (anyone).
import { request } from './client.ts';
import type { ArticleCreateBody, ArticleReviewStep, ArticleState, ArticleUpdateBody, CategoryCreateBody, HelpCenter, HelpSearchHit, Items, KnowledgeArticle, KnowledgeCategory, KnowledgeHit, PublicArticle } from './types.ts';

const enc = encodeURIComponent;

export interface ArticleListFilter {
  state?: ArticleState | '';
  categoryId?: string;
  language?: string;
}

const query = (q: Record<string, string | number | undefined>) => new URLSearchParams(Object.entries(q).flatMap(([k, v]) => (v === undefined || v === '' ? [] : [[k, String(v)]]))).toString();

export const knowledgeApi = {
  categories: () => request<Items<KnowledgeCategory>>('GET', '/api/knowledge/categories'),
  createCategory: (body: CategoryCreateBody) => request<KnowledgeCategory>('POST', '/api/knowledge/categories', body),
  articles: (f: ArticleListFilter) => request<Items<KnowledgeArticle>>('GET', `/api/knowledge/articles?${query({ ...f })}`),
  search: (q: string, f: ArticleListFilter & { limit?: number } = {}, signal?: AbortSignal) =>
    request<Items<KnowledgeHit>>('GET', `/api/knowledge/articles?${query({ ...f, q })}`, undefined, { signal }),
  article: (id: string) => request<KnowledgeArticle>('GET', `/api/knowledge/articles/${enc(id)}`),
  createArticle: (body: ArticleCreateBody) => request<KnowledgeArticle>('POST', '/api/knowledge/articles', body),
  updateArticle: (id: string, body: ArticleUpdateBody) => request<KnowledgeArticle>('PATCH', `/api/knowledge/articles/${enc(id)}`, body),
  review: (id: string, step: ArticleReviewStep, comment?: string) => request<KnowledgeArticle>('POST', `/api/knowledge/articles/${enc(id)}/${step}`, comment ? { comment } : {}),
  preview: (body: string) => request<{ html: string }>('POST', '/api/knowledge/preview', { body }),
};

export const helpApi = {
  center: (workspace: string) => request<HelpCenter>('GET', `/api/help/${enc(workspace)}`, undefined, { quiet401: true }),
  search: (workspace: string, q: string, signal?: AbortSignal) => request<Items<HelpSearchHit>>('GET', `/api/help/${enc(workspace)}/search?${query({ q })}`, undefined, { signal, quiet401: true }),
  article: (workspace: string, slug: string) => request<PublicArticle>('GET', `/api/help/${enc(workspace)}/articles/${enc(slug)}`, undefined, { quiet401: true }),
};
