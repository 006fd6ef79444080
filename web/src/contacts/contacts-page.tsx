// /contacts: every customer the agent may see, newest contact first, with search, filters and
// saved views; "Load more" follows the server's keyset cursor. A name opens the contact page.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { contactApi } from '../api/contact-endpoints.ts';
import type { ContactFilters, ContactListRow, SavedContactView } from '../api/types.ts';
import { navigate } from '../router.ts';
import { ChannelIcon } from '../ui/channel-icon.tsx';
import { contactLabel, fullTime, relativeTime } from '../ui/format.ts';
import { PageFrame } from '../ui/page-frame.tsx';
import { useNow } from '../ui/use-now.ts';
import { ContactFilterBar, SavedViews } from './contact-filters.tsx';
import { useContactSettings } from './use-contact-settings.ts';
import './contacts.css';

/** Typing in a search box waits this long before asking the server. */
const DEBOUNCE_MS = 250;

function useContactList(filters: ContactFilters) {
  const [rows, setRows] = useState<ContactListRow[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const ctl = useRef<AbortController | null>(null);

  const load = (cursor: string | null) => {
    ctl.current?.abort();
    const c = (ctl.current = new AbortController());
    setLoading(true);
    setError(null);
    contactApi.contacts(filters, cursor, c.signal).then(
      (page) => {
        setRows((r) => (cursor ? [...r, ...page.items] : page.items));
        setNext(page.next);
        setLoading(false);
      },
      (err: unknown) => {
        if (c.signal.aborted) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
  };
  // Filters are a fresh object on every change: compare them by value.
  const key = JSON.stringify(filters);
  useEffect(() => {
    const t = setTimeout(() => load(null), DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [key]);
  return { rows, next, loading, error, loadMore: () => next && load(next) };
}

function ContactTable({ rows, now }: { rows: ContactListRow[]; now: number }) {
  return (
    <table className="channel-table contact-table board-card" aria-label="Contacts">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Stage</th>
          <th scope="col">Tier</th>
          <th scope="col">Tags</th>
          <th scope="col">Company</th>
          <th scope="col">Owner</th>
          <th scope="col">Channels</th>
          <th scope="col">Last contact</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.id} data-contact-id={c.id}>
            <th scope="row">
              <a href={`/contacts/${encodeURIComponent(c.id)}`} onClick={(e) => (e.preventDefault(), navigate(`/contacts/${encodeURIComponent(c.id)}`))}>
                {contactLabel(c)}
              </a>
              {c.name && (c.email || c.phone) && <div className="dim small">{c.email ?? c.phone}</div>}
            </th>
            <td>{c.lifecycleStage ?? <span className="dim">—</span>}</td>
            <td>{c.tier ?? <span className="dim">—</span>}</td>
            <td>
              {c.tags.map((t) => (
                <span key={t} className="tag">
                  {t}
                </span>
              ))}
            </td>
            <td>{c.organisation ? <a href={`/organisations/${encodeURIComponent(c.organisation.id)}`} onClick={(e) => (e.preventDefault(), navigate(`/organisations/${encodeURIComponent(c.organisation!.id)}`))}>{c.organisation.name}</a> : <span className="dim">—</span>}</td>
            <td>{c.owner?.name ?? <span className="dim">—</span>}</td>
            <td>
              {c.channels.map((k) => (
                <ChannelIcon key={k} kind={k} />
              ))}
            </td>
            <td title={fullTime(c.lastContactAt)}>{relativeTime(c.lastContactAt, now)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Filters a link can carry (`/contacts?organisationId=…` from a company's page). */
function filtersFromUrl(): ContactFilters {
  const keys = ['q', 'stage', 'tier', 'tag', 'attrKey', 'attrValue', 'ownerId', 'organisationId', 'channel', 'lastContactFrom', 'lastContactTo'] as const satisfies readonly (keyof ContactFilters)[];
  const q = new URLSearchParams(location.search);
  return Object.fromEntries(keys.flatMap((k) => (q.get(k) ? [[k, q.get(k)!]] : []))) as ContactFilters;
}

export function ContactsPage({ onHelp }: { onHelp(): void }) {
  const [filters, setFilters] = useState<ContactFilters>(filtersFromUrl);
  const [views, setViews] = useState<SavedContactView[]>([]);
  const [viewId, setViewId] = useState<string | null>(null);
  const settings = useContactSettings();
  const list = useContactList(filters);
  const now = useNow(60_000);

  useEffect(() => {
    contactApi.views().then((r) => setViews(r.items), () => undefined);
  }, []);

  return (
    <PageFrame active="contacts" testId="contacts-page" onHelp={onHelp}>
      <div className="board-header">
        <h1 className="list-title">Contacts</h1>
        <a href="/organisations" onClick={(e) => (e.preventDefault(), navigate('/organisations'))}>
          Companies
        </a>
      </div>
      <SavedViews
        views={views}
        activeId={viewId}
        filters={filters}
        onPick={(v) => {
          setViewId(v?.id ?? null);
          setFilters(v ? { ...v.filters } : {});
        }}
        onSaved={(v) => {
          setViews((all) => [...all, v].sort((a, b) => a.name.localeCompare(b.name)));
          setViewId(v.id);
        }}
        onDeleted={(id) => {
          setViews((all) => all.filter((v) => v.id !== id));
          setViewId(null);
        }}
      />
      <ContactFilterBar
        filters={filters}
        settings={settings}
        onChange={(f) => {
          setFilters(f);
          setViewId(null);
        }}
      />
      {list.error && (
        <div className="banner banner-error" role="alert">
          {list.error}
        </div>
      )}
      {!list.loading && !list.error && list.rows.length === 0 ? <p className="board-empty">No contacts match.</p> : <ContactTable rows={list.rows} now={now} />}
      {list.next && (
        <button type="button" className="button list-more" disabled={list.loading} onClick={list.loadMore}>
          {list.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </PageFrame>
  );
}
