// Full-text search over a workspace's articles in one query: the query is parsed in every search
// configuration (see search-text.ts) and matched against the generated "searchVector" (GIN index),
// its CJK runs as bigrams; a typo in a title still finds it through the title's trigram index.
// Title matches rank above body matches: a hit in the title (weight A) adds 1 to ts_rank.
import type { Db } from '../../db/client.ts';
import { sqlRows } from '../../db/sql.ts';
import { AppError } from '../../errors.ts';
import { toPublicSummary, type ArticleHit, type ArticleState } from './article-view.ts';
import { SEARCH_CONFIGS, splitSearchQuery } from './search-text.ts';

export interface ArticleSearch {
  workspaceId: string;
  workspaceSlug: string;
  q: string;
  states: ArticleState[];
  categoryId?: string;
  language?: string;
  limit: number;
}

interface HitRow {
  id: string;
  slug: string;
  title: string;
  body: string;
  language: string;
  categoryId: string | null;
  state: ArticleState;
  rank: number;
}

const TITLE_ONLY = `'{0, 0, 0, 1}'`;

export async function searchArticles(db: Db, s: ArticleSearch): Promise<ArticleHit[]> {
  const { words, cjk } = splitSearchQuery(s.q.slice(0, 200));
  if (!/[\p{L}\p{N}]/u.test(words) && cjk.length === 0) throw new AppError('validation_failed', 'q: give at least one letter or digit to search for');
  const values: unknown[] = [s.workspaceId, s.states];
  const wordsParam = words ? `$${values.push(words)}::text` : null;
  const cjkQuery = cjk.length ? `plainto_tsquery('simple', $${values.push(cjk.join(' '))}::text)` : null;
  const queries = wordsParam ? SEARCH_CONFIGS.map((cfg) => `websearch_to_tsquery('${cfg}', ${wordsParam})${cjkQuery ? ` && ${cjkQuery}` : ''}`) : [cjkQuery!];
  const names = queries.map((_, i) => `q${i}`);
  const rank = (q: string) => `ts_rank(a."searchVector", ${q}) + CASE WHEN ts_rank(${TITLE_ONLY}, a."searchVector", ${q}) > 0 THEN 1 ELSE 0 END`;
  const filters: string[] = [];
  if (s.categoryId) filters.push(`a."categoryId" = $${values.push(s.categoryId)}`);
  if (s.language) filters.push(`a.language = $${values.push(s.language)}`);
  // A title within a typo of the words (pg_trgm's word similarity), for Latin and Cyrillic queries.
  const fuzzy = wordsParam && !cjkQuery ? ` OR ${wordsParam} <% a.title` : '';
  const text = `
    SELECT a.id, a.slug, a.title, a.body, a.language, a."categoryId", a.state,
      (GREATEST(${names.map(rank).join(', ')})${fuzzy ? ` + 0.1 * word_similarity(${wordsParam}, a.title)` : ''})::float8 AS rank
    FROM "KnowledgeArticle" a, (SELECT ${queries.map((q, i) => `${q} AS ${names[i]}`).join(', ')}) qs
    WHERE a."workspaceId" = $1 AND a.state = ANY($2::"ArticleState"[])
      ${filters.map((f) => `AND ${f}`).join(' ')}
      AND (${names.map((n) => `a."searchVector" @@ ${n}`).join(' OR ')}${fuzzy})
    ORDER BY rank DESC, a."publishedAt" DESC NULLS LAST, a.id
    LIMIT $${values.push(s.limit)}`;
  const rows = await sqlRows<HitRow>(db, { text }, values);
  return rows.map((r) => ({ ...toPublicSummary(r, s.workspaceSlug), state: r.state, rank: Number(r.rank) }));
}
