// The customer's cross-channel timeline for the panel: the newest page first, older pages on
// "load more". A new message in the open conversation (`refreshKey`) or a reconnect reloads the
// newest page and keeps the older pages already shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ContactTimelineEntry } from '../api/types.ts';
import { useRealtime } from '../realtime/socket.tsx';

export const TIMELINE_PAGE = 20;

export interface ContactTimelineState {
  contactId: string;
  items: ContactTimelineEntry[];
  next: string | null;
  loading: 'initial' | 'more' | null;
  error: string | null;
}

const emptyTimeline = (contactId: string): ContactTimelineState => ({ contactId, items: [], next: null, loading: 'initial', error: null });

/** The fresh newest page, then whatever older entries were already loaded beyond it. */
export function mergeNewest(prev: ContactTimelineState, fresh: { items: ContactTimelineEntry[]; next: string | null }): Pick<ContactTimelineState, 'items' | 'next'> {
  if (prev.items.length <= TIMELINE_PAGE || fresh.next === null) return fresh;
  const seen = new Set(fresh.items.map((e) => e.id));
  return { items: [...fresh.items, ...prev.items.filter((e) => !seen.has(e.id))], next: prev.next };
}

export function useContactTimeline(contactId: string, refreshKey: string) {
  const { epoch } = useRealtime();
  const [state, setState] = useState<ContactTimelineState>(() => emptyTimeline(contactId));
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => (s.contactId === contactId ? { ...s, error: null } : emptyTimeline(contactId)));
    api.contactTimeline(contactId, { limit: TIMELINE_PAGE }, ctl.signal).then(
      (page) => setState((s) => ({ ...s, ...(s.contactId === contactId ? mergeNewest(s, page) : page), contactId, loading: null, error: null })),
      (err: unknown) => !ctl.signal.aborted && setState((s) => ({ ...s, loading: null, error: errorMessage(err) })),
    );
    return () => ctl.abort();
  }, [contactId, refreshKey, epoch]);

  const loadMore = useCallback(() => {
    const s = current.current;
    if (!s.next || s.loading) return;
    setState({ ...s, loading: 'more', error: null });
    api.contactTimeline(s.contactId, { limit: TIMELINE_PAGE, before: s.next }).then(
      (page) => setState((p) => (p.contactId === s.contactId ? { ...p, items: [...p.items, ...page.items.filter((e) => !p.items.some((i) => i.id === e.id))], next: page.next, loading: null } : p)),
      (err: unknown) => setState((p) => ({ ...p, loading: null, error: errorMessage(err) })),
    );
  }, []);

  return { ...state, loadMore };
}
