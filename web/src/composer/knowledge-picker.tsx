// The composer's Knowledge picker: searches the workspace's published articles and puts either a
// link to the article's public page or its excerpt (with the link) into the reply at the caret.
import { useState } from 'react';
import { knowledgeApi } from '../api/knowledge-endpoints.ts';
import type { KnowledgeHit } from '../api/types.ts';
import { useArticleSearch } from '../knowledge/use-article-search.ts';
import '../knowledge/knowledge.css';

const searchPublished = (q: string, signal: AbortSignal) => knowledgeApi.search(q, { state: 'published', limit: 8 }, signal);

/** The article's public address on this Parley (the help page is served beside the app). */
export const publicUrl = (hit: Pick<KnowledgeHit, 'path'>) => `${window.location.origin}${hit.path}`;

export function KnowledgePicker({ onInsert, onClose }: { onInsert(text: string): void; onClose(): void }) {
  const [q, setQ] = useState('');
  const { items, error } = useArticleSearch(q, searchPublished);
  return (
    <div className="template-picker kb-picker" role="group" aria-label="Insert from the knowledge base">
      <input
        className="kb-picker-search"
        type="search"
        autoFocus
        value={q}
        placeholder="Search published articles…"
        aria-label="Search the knowledge base"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      />
      {error && (
        <div className="composer-error" role="alert">
          {error}
        </div>
      )}
      {items && items.length === 0 && <p className="dim">No published article matches.</p>}
      {items && items.length > 0 && (
        <ul className="kb-picker-list" aria-label="Articles found">
          {items.map((a) => (
            <li key={a.id} className="kb-picker-item">
              <div className="kb-picker-text">
                <strong>{a.title}</strong>
                <span className="kb-picker-excerpt">{a.excerpt}</span>
              </div>
              <div className="kb-picker-actions">
                <button type="button" className="button" aria-label={`Insert a link to ${a.title}`} onClick={() => onInsert(`${a.title}: ${publicUrl(a)}`)}>
                  Link
                </button>
                <button type="button" className="button" aria-label={`Insert an excerpt of ${a.title}`} onClick={() => onInsert(`${a.excerpt}\n${publicUrl(a)}`)}>
                  Excerpt
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="template-actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
