// A workspace's public help center, for anyone (no login): /help/<workspace> lists its categories
// and published articles with a search box; /help/<workspace>/<slug> shows one article.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { helpApi } from '../api/knowledge-endpoints.ts';
import type { HelpCenter, HelpSearchHit, PublicArticle } from '../api/types.ts';
import { navigate } from '../router.ts';
import { useArticleSearch } from './use-article-search.ts';
import './knowledge.css';

function ArticleLink({ a }: { a: Pick<HelpSearchHit, 'path' | 'title' | 'excerpt'> }) {
  return (
    <li>
      <a
        href={a.path}
        onClick={(e) => {
          e.preventDefault();
          navigate(a.path);
        }}
      >
        {a.title}
      </a>
      <p>{a.excerpt}</p>
    </li>
  );
}

function Listing({ center }: { center: HelpCenter }) {
  const groups = [...center.categories.map((c) => ({ key: c.id, name: c.name, articles: center.articles.filter((a) => a.categoryId === c.id) })), { key: 'none', name: center.categories.length ? 'More articles' : 'Articles', articles: center.articles.filter((a) => !a.categoryId || !center.categories.some((c) => c.id === a.categoryId)) }].filter((g) => g.articles.length > 0);
  if (groups.length === 0) return <p className="help-card">No articles published yet.</p>;
  return (
    <>
      {groups.map((g) => (
        <section key={g.key} className="help-card" aria-label={g.name}>
          <h2>{g.name}</h2>
          <ul className="help-list">
            {g.articles.map((a) => (
              <ArticleLink key={a.id} a={a} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function ArticleView({ workspace, slug }: { workspace: string; slug: string }) {
  const [article, setArticle] = useState<PublicArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    helpApi.article(workspace, slug).then(setArticle, (err: unknown) => setError(errorMessage(err)));
  }, [workspace, slug]);
  useEffect(() => {
    if (article) document.title = article.title;
  }, [article]);
  const back = `/help/${encodeURIComponent(workspace)}`;
  return (
    <article className="help-card" aria-label={article?.title ?? 'Article'}>
      <a
        className="help-back"
        href={back}
        onClick={(e) => {
          e.preventDefault();
          navigate(back);
        }}
      >
        ← All articles
      </a>
      {error && <p role="alert">{error}</p>}
      {article && (
        <>
          <h1>{article.title}</h1>
          {article.category && <p className="dim">{article.category.name}</p>}
          <div className="kb-article" dangerouslySetInnerHTML={{ __html: article.html }} />
        </>
      )}
    </article>
  );
}

export function HelpPage({ workspace, slug }: { workspace: string; slug: string | null }) {
  const [center, setCenter] = useState<HelpCenter | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const found = useArticleSearch(q, (query, signal) => helpApi.search(workspace, query, signal));
  useEffect(() => {
    helpApi.center(workspace).then(
      (c) => {
        setCenter(c);
        document.title = `${c.workspace.name} help center`;
      },
      (err: unknown) => setError(errorMessage(err)),
    );
  }, [workspace]);
  const home = `/help/${encodeURIComponent(workspace)}`;
  // Opening an article (from the results too) shows it, not the results.
  useEffect(() => setQ(''), [slug]);

  return (
    <div className="help-page" data-testid="help-page">
      <header className="help-hero">
        <h1>
          <a
            href={home}
            onClick={(e) => {
              e.preventDefault();
              setQ('');
              navigate(home);
            }}
          >
            {center ? `${center.workspace.name} help center` : 'Help center'}
          </a>
        </h1>
        <input className="help-search" type="search" value={q} placeholder="Search for answers…" aria-label="Search help articles" onChange={(e) => setQ(e.target.value)} />
      </header>
      <main className="help-main">
        {error && (
          <p className="help-card" role="alert">
            {error}
          </p>
        )}
        {q.trim() && found.items && (
          <section className="help-card" aria-label="Search results">
            <h2>{found.items.length ? `Articles about “${q.trim()}”` : `Nothing found for “${q.trim()}”`}</h2>
            <ul className="help-list">
              {found.items.map((a) => (
                <ArticleLink key={a.id} a={a} />
              ))}
            </ul>
          </section>
        )}
        {found.error && <p role="alert">{found.error}</p>}
        {!q.trim() && (slug ? <ArticleView workspace={workspace} slug={slug} /> : center && <Listing center={center} />)}
      </main>
    </div>
  );
}
