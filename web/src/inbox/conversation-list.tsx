// The middle column: the search box, filters, the rows of the current view (or of a search),
// loading / empty / error states and infinite scroll (with a "Load more" button for keyboards and
// screen readers).
import { useEffect, useRef, type RefObject } from 'react';
import { STATUSES, type ConversationStatus } from '../api/types.ts';
import { useSession } from '../state/session.tsx';
import { statusLabel } from '../ui/format.ts';
import { useNow } from '../ui/use-now.ts';
import { ConversationRow } from './conversation-row.tsx';
import type { ListState } from './list-state.ts';
import type { Search } from './use-search.ts';

interface Props {
  title: string;
  state: ListState;
  status: ConversationStatus;
  channelId: string | null;
  selectedId: string | null;
  openId: string | null;
  onStatus(s: ConversationStatus): void;
  onChannel(id: string | null): void;
  onOpen(id: string): void;
  onLoadMore(): void;
  onRetry(): void;
  search: Search;
  searchRef: RefObject<HTMLInputElement | null>;
}

export function ConversationList(p: Props) {
  const now = useNow();
  const sentinel = useRef<HTMLDivElement>(null);
  const { state, search } = p;

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !state.nextCursor) return;
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && p.onLoadMore(), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [state.nextCursor, p.onLoadMore, search.active]);

  useEffect(() => {
    if (!p.selectedId) return;
    document.querySelector(`[data-conversation-id="${CSS.escape(p.selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [p.selectedId]);

  return (
    <section className="list-column" aria-label="Conversations">
      <header className="list-header">
        <h1 className="list-title">{search.active ? 'Search' : p.title}</h1>
        <input
          ref={p.searchRef}
          type="search"
          className="list-search"
          aria-label="Search conversations"
          placeholder="Search conversations  ( / )"
          value={search.query}
          maxLength={200}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              search.setQuery('');
              e.currentTarget.blur();
            } else if (e.key === 'Enter' && search.items[0]) {
              e.preventDefault();
              p.onOpen(search.items[0].id);
            }
          }}
        />
        {!search.active && <ViewFilters {...p} />}
      </header>
      {search.active ? <SearchResults {...p} /> : <ViewRows {...p} now={now} sentinel={sentinel} />}
    </section>
  );
}

function ViewFilters(p: Props) {
  const { channels } = useSession();
  return (
    <>
      <div className="status-tabs" role="tablist" aria-label="Status">
        {STATUSES.map((s) => (
          <button key={s} type="button" role="tab" aria-selected={p.status === s} className={p.status === s ? 'tab tab-active' : 'tab'} onClick={() => p.onStatus(s)}>
            {statusLabel[s]}
          </button>
        ))}
      </div>
      {channels.length > 1 && (
        <select className="channel-filter" aria-label="Channel" value={p.channelId ?? ''} onChange={(e) => p.onChannel(e.target.value || null)}>
          <option value="">All channels</option>
          {channels.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

function ViewRows(p: Props & { now: number; sentinel: RefObject<HTMLDivElement | null> }) {
  const { state } = p;
  return (
    <>
      {state.error && (
        <div className="banner banner-error" role="alert">
          <span>{state.error}</span>
          <button type="button" className="link-button" onClick={p.onRetry}>
            Try again
          </button>
        </div>
      )}
      <ul className="rows" role="listbox" aria-label={`${p.title}: ${statusLabel[p.status]}`} data-testid="conversation-list">
        {state.items.map((c) => (
          <ConversationRow key={c.id} c={c} now={p.now} selected={c.id === p.selectedId} open={c.id === p.openId} onOpen={p.onOpen} />
        ))}
      </ul>
      {state.loading === 'initial' && state.items.length === 0 && <div className="list-state">Loading conversations…</div>}
      {!state.loading && !state.error && state.items.length === 0 && (
        <div className="list-state empty" data-testid="list-empty">
          No conversations in this view
        </div>
      )}
      {state.nextCursor && (
        <div ref={p.sentinel} className="list-more">
          <button type="button" className="button-quiet" disabled={state.loading === 'more'} onClick={p.onLoadMore}>
            {state.loading === 'more' ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </>
  );
}

function SearchResults(p: Props) {
  const now = useNow();
  const { search } = p;
  return (
    <>
      {search.error && (
        <div className="banner banner-error" role="alert">
          {search.error}
        </div>
      )}
      {!search.error && (
        <div className="list-state-line" aria-live="polite" data-testid="search-summary">
          {search.loading ? 'Searching…' : search.items.length === 0 ? `No conversations match “${search.query.trim()}”` : `${search.items.length}${search.items.length === 50 ? '+' : ''} found, newest first`}
        </div>
      )}
      <ul className="rows" role="listbox" aria-label="Search results" data-testid="search-results">
        {search.items.map((c) => (
          <ConversationRow key={c.id} c={c} now={now} selected={c.id === p.selectedId} open={c.id === p.openId} onOpen={p.onOpen} snippet={c.match?.snippet} showStatus />
        ))}
      </ul>
    </>
  );
}
