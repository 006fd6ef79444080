// The customer's cross-channel timeline for the panel: the newest page first, older pages on
// "load more". A new message in the open conversation (`refreshKey`) or a reconnect reloads the
// newest page and keeps the older pages already shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import { useRealtime } from '../realtime/socket.tsx';
import { appendOlder, emptyTimeline, mergeNewest, TIMELINE_PAGE, type ContactTimelineState } from './timeline-pages.ts';

export function useContactTimeline(contactId: string, refreshKey: string) {
  const { epoch } = useRealtime();
  const [state, setState] = useState<ContactTimelineState>(() => emptyTimeline(contactId));
  const current = useRef(state);
  current.current = state;

  useEffect(() => {
    const ctl = new AbortController();
    setState((s) => (s.contactId === contactId ? { ...s, error: null } : emptyTimeline(contactId)));
    api.contactTimeline(contactId, { limit: TIMELINE_PAGE }, ctl.signal).then(
      (page) => setState((s) => (s.contactId === contactId ? { ...s, ...mergeNewest(s, page), loading: null, error: null } : s)),
      (err: unknown) => !ctl.signal.aborted && setState((s) => ({ ...s, loading: null, error: errorMessage(err) })),
    );
    return () => ctl.abort();
  }, [contactId, refreshKey, epoch]);

  const loadMore = useCallback(() => {
    const s = current.current;
    if (!s.next || s.loading) return;
    setState({ ...s, loading: 'more', error: null });
    api.contactTimeline(s.contactId, { limit: TIMELINE_PAGE, before: s.next }).then(
      (page) => setState((p) => (p.contactId === s.contactId ? { ...p, ...appendOlder(p, page), loading: null } : p)),
      (err: unknown) => setState((p) => ({ ...p, loading: null, error: errorMessage(err) })),
    );
  }, []);

  return { ...state, loadMore };
}
