// The Knowledge page: every agent lists the workspace's articles (by state, category and language),
// writes new ones and opens one in the editor; supervisors and admins also add categories.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../api/client.ts';
import { knowledgeApi, type ArticleListFilter } from '../api/knowledge-endpoints.ts';
import type { KnowledgeArticle, KnowledgeCategory } from '../api/types.ts';
import { navigate } from '../router.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import { relativeTime } from '../ui/format.ts';
import { PageFrame } from '../ui/page-frame.tsx';
import { ArticleEditor } from './article-editor.tsx';
import { ARTICLE_STATES, LANGUAGES, languageName, STATE_LABELS, StateBadge } from './article-labels.tsx';
import './knowledge.css';

function CategoryForm({ onAdded }: { onAdded(c: KnowledgeCategory): void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      onAdded(await knowledgeApi.createCategory({ name }));
      setName('');
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <form className="kb-filters" aria-label="Add a category" onSubmit={(e) => void submit(e)}>
      <label className="kb-field">
        <span>New category</span>
        <input value={name} maxLength={80} placeholder="e.g. Billing" onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="button" disabled={!name.trim()}>
        Add category
      </button>
      {error && (
        <span className="composer-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

function ArticleList({ categories, onCategory }: { categories: KnowledgeCategory[]; onCategory(c: KnowledgeCategory): void }) {
  const { me } = useSession();
  const [filter, setFilter] = useState<ArticleListFilter>({});
  const [items, setItems] = useState<KnowledgeArticle[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    knowledgeApi.articles(filter).then(
      (res) => setItems(res.items),
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [filter]);
  const categoryName = (id: string | null) => categories.find((c) => c.id === id)?.name ?? '—';
  const set = (patch: ArticleListFilter) => setFilter((f) => ({ ...f, ...patch }));

  return (
    <>
      <div className="board-header">
        <h1 className="list-title">Knowledge</h1>
        <button type="button" className="button-primary" onClick={() => navigate('/knowledge/new')}>
          New article
        </button>
      </div>
      <div className="kb-filters" role="group" aria-label="Filter articles">
        <label className="kb-field">
          <span>State</span>
          <select value={filter.state ?? ''} onChange={(e) => set({ state: e.target.value as ArticleListFilter['state'] })}>
            <option value="">Any state</option>
            {ARTICLE_STATES.map((s) => (
              <option key={s} value={s}>
                {STATE_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="kb-field">
          <span>Category</span>
          <select value={filter.categoryId ?? ''} onChange={(e) => set({ categoryId: e.target.value || undefined })}>
            <option value="">Any category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="kb-field">
          <span>Language</span>
          <select value={filter.language ?? ''} onChange={(e) => set({ language: e.target.value || undefined })}>
            <option value="">Any language</option>
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {isSupervisor(me) && <CategoryForm onAdded={onCategory} />}
      {error && (
        <div className="banner banner-error" role="alert">
          {error}
        </div>
      )}
      {items && items.length === 0 && <p className="board-empty">No articles here yet. Write one with “New article”; a supervisor publishes it.</p>}
      {items && items.length > 0 && (
        <table className="channel-table board-card" aria-label="Articles">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">State</th>
              <th scope="col">Category</th>
              <th scope="col">Language</th>
              <th scope="col">Author</th>
              <th scope="col">Changed</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a
                    href={`/knowledge/${a.id}`}
                    onClick={(e) => {
                      e.preventDefault();
                      navigate(`/knowledge/${a.id}`);
                    }}
                  >
                    {a.title}
                  </a>
                </th>
                <td>
                  <StateBadge state={a.state} />
                </td>
                <td>{categoryName(a.categoryId)}</td>
                <td>{languageName(a.language)}</td>
                <td>{a.author.name}</td>
                <td>{relativeTime(a.updatedAt, Date.now())}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export function KnowledgePage({ onHelp, articleId }: { onHelp(): void; articleId: string | null }) {
  const [categories, setCategories] = useState<KnowledgeCategory[]>([]);
  const load = useCallback(() => knowledgeApi.categories().then((res) => setCategories(res.items), () => undefined), []);
  useEffect(() => void load(), [load]);
  return (
    <PageFrame active="knowledge" testId="knowledge-page" onHelp={onHelp}>
      {articleId ? (
        <ArticleEditor key={articleId} id={articleId === 'new' ? null : articleId} categories={categories} />
      ) : (
        <ArticleList categories={categories} onCategory={(c) => setCategories((all) => [...all, c].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name)))} />
      )}
    </PageFrame>
  );
}
