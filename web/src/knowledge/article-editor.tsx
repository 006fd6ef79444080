// One article in the editor: title, category, language and Markdown body beside its preview (as the
// help page will show it), and the approval step's buttons by role and state: anyone saves a draft
// and submits it for review; supervisors and admins approve (publish), send back with a comment,
// archive and restore. A reviewer's comment shows on the draft it was sent back with.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { knowledgeApi } from '../api/knowledge-endpoints.ts';
import type { ArticleReviewStep, KnowledgeArticle, KnowledgeCategory } from '../api/types.ts';
import { navigate } from '../router.ts';
import { isSupervisor, useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';
import { LANGUAGES, StateBadge } from './article-labels.tsx';

interface Fields {
  title: string;
  categoryId: string;
  language: string;
  body: string;
}

const fieldsOf = (a: KnowledgeArticle | null, language: string): Fields => ({ title: a?.title ?? '', categoryId: a?.categoryId ?? '', language: a?.language ?? language, body: a?.body ?? '' });

/** The body as the help page renders it (the server's renderer), a moment after typing stops. */
function usePreview(body: string): string {
  const [html, setHtml] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => void knowledgeApi.preview(body).then((r) => setHtml(r.html), () => undefined), 250);
    return () => clearTimeout(timer);
  }, [body]);
  return html;
}

const STEP_DONE: Record<ArticleReviewStep, string> = { submit: 'Submitted for review', approve: 'Published', reject: 'Sent back to the author', archive: 'Archived', restore: 'Restored as a draft' };

export function ArticleEditor({ id, categories }: { id: string | null; categories: KnowledgeCategory[] }) {
  const { me } = useSession();
  const toasts = useToasts();
  const [article, setArticle] = useState<KnowledgeArticle | null>(null);
  const [fields, setFields] = useState<Fields>(fieldsOf(null, 'en'));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [comment, setComment] = useState('');
  const preview = usePreview(fields.body);

  useEffect(() => {
    if (!id) return;
    knowledgeApi.article(id).then(
      (a) => {
        setArticle(a);
        setFields(fieldsOf(a, 'en'));
      },
      (err: unknown) => setLoadError(errorMessage(err)),
    );
  }, [id]);

  const reviewer = isSupervisor(me);
  const state = article?.state ?? 'draft';
  const canEdit = state === 'draft' || reviewer;
  const dirty = !article || JSON.stringify(fieldsOf(article, fields.language)) !== JSON.stringify(fields);
  const complete = !!fields.title.trim() && !!fields.body.trim() && !!fields.language;
  const set = (patch: Partial<Fields>) => setFields((f) => ({ ...f, ...patch }));

  /** Saves what changed (a new article: creates it). */
  const save = async (): Promise<KnowledgeArticle> => {
    const body = { title: fields.title, body: fields.body, language: fields.language, categoryId: fields.categoryId || null };
    if (!article) return knowledgeApi.createArticle(body);
    return dirty ? knowledgeApi.updateArticle(article.id, body) : article;
  };
  const run = async (work: () => Promise<KnowledgeArticle>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      const a = await work();
      setArticle(a);
      setFields(fieldsOf(a, a.language));
      setRejecting(false);
      setComment('');
      toasts.show({ tone: 'info', text: `${a.title}: ${done}` });
      // A new article's address replaces /knowledge/new once it exists.
      if (!article) navigate(`/knowledge/${a.id}`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const step = (s: ArticleReviewStep) =>
    run(async () => {
      const saved = canEdit && dirty ? await save() : article!;
      return knowledgeApi.review(saved.id, s, s === 'reject' ? comment : undefined);
    }, STEP_DONE[s]);

  if (loadError) {
    return (
      <div className="banner banner-error" role="alert">
        {loadError}
      </div>
    );
  }
  if (id && !article) return <p className="dim">Loading…</p>;

  return (
    <form className="channel-form board-card kb-editor" aria-label={article ? `Edit ${article.title}` : 'New article'} onSubmit={(e) => e.preventDefault()}>
      <a
        href="/knowledge"
        className="help-back"
        onClick={(e) => {
          e.preventDefault();
          navigate('/knowledge');
        }}
      >
        ← All articles
      </a>
      <div className="board-header">
        <h1 className="list-title">{article ? article.title : 'New article'}</h1>
        <StateBadge state={state} />
      </div>
      {article?.state === 'draft' && article.reviewComment && (
        <p className="kb-review-note" role="note">
          Sent back by {article.reviewer?.name ?? 'a reviewer'}: {article.reviewComment}
        </p>
      )}
      {article?.state === 'published' && (
        <p className="dim">
          Public at{' '}
          <a href={article.path} target="_blank" rel="noreferrer">
            {window.location.origin}
            {article.path}
          </a>
        </p>
      )}
      {!canEdit && <p className="dim">This article is {state.replace('_', ' ')}: supervisors and admins change it now.</p>}
      <fieldset className="kb-filters" disabled={!canEdit || busy}>
        <label className="kb-field kb-grow">
          <span>Title *</span>
          <input value={fields.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
        </label>
        <label className="kb-field">
          <span>Category</span>
          <select value={fields.categoryId} onChange={(e) => set({ categoryId: e.target.value })}>
            <option value="">No category</option>
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="kb-field">
          <span>Language *</span>
          <select value={fields.language} onChange={(e) => set({ language: e.target.value })}>
            {!LANGUAGES.some((l) => l.code === fields.language) && <option value={fields.language}>{fields.language}</option>}
            {LANGUAGES.map((l) => (
              <option key={l.code} value={l.code}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="kb-editor-grid">
        <label className="kb-field">
          <span>Text * (Markdown: # heading, **bold**, *italic*, - list, [link](https://…))</span>
          <textarea value={fields.body} disabled={!canEdit || busy} onChange={(e) => set({ body: e.target.value })} />
        </label>
        <div className="kb-field">
          <span>Preview</span>
          <div className="kb-preview kb-article" data-testid="article-preview" dangerouslySetInnerHTML={{ __html: preview }} />
        </div>
      </div>
      {rejecting && (
        <label className="kb-reject kb-field">
          <span>What should the author change? *</span>
          <textarea rows={3} value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
        </label>
      )}
      {error && (
        <div className="composer-error" role="alert">
          {error}
        </div>
      )}
      <div className="kb-actions">
        {canEdit && state !== 'archived' && (
          <button type="button" className="button" disabled={busy || !complete || !dirty} onClick={() => void run(save, 'Saved')}>
            {article ? 'Save changes' : 'Save draft'}
          </button>
        )}
        {state === 'draft' && (
          <button type="button" className={reviewer ? 'button' : 'button-primary'} disabled={busy || !complete} onClick={() => void step('submit')}>
            Submit for review
          </button>
        )}
        {reviewer && state === 'in_review' && !rejecting && (
          <button type="button" className="button" disabled={busy} onClick={() => setRejecting(true)}>
            Send back…
          </button>
        )}
        {reviewer && rejecting && (
          <button type="button" className="button" disabled={busy || !comment.trim()} onClick={() => void step('reject')}>
            Send back to author
          </button>
        )}
        {reviewer && article && state !== 'archived' && (
          <button type="button" className="button" disabled={busy} onClick={() => void step('archive')}>
            Archive
          </button>
        )}
        {reviewer && state === 'archived' && (
          <button type="button" className="button" disabled={busy} onClick={() => void step('restore')}>
            Restore as draft
          </button>
        )}
        {reviewer && (state === 'draft' || state === 'in_review') && (
          <button type="button" className="button-primary" disabled={busy || !complete} onClick={() => void step('approve')}>
            Approve and publish
          </button>
        )}
      </div>
    </form>
  );
}
