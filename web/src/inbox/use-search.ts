// The inbox search box: what was typed, and the conversations that match it (all statuses, all the
// agent may see), fetched once typing pauses. A search is a snapshot: it is not kept live.
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { SearchHit } from '../api/types.ts';

export interface Search {
  query: string;
  setQuery(q: string): void;
  /** A search is shown instead of the view while the box holds something searchable. */
  active: boolean;
  items: SearchHit[];
  loading: boolean;
  error: string | null;
}

const DEBOUNCE_MS = 250;
/** Letters or digits: the server searches for nothing else. */
const searchable = (q: string) => /[\p{L}\p{N}]/u.test(q);

export function useSearch(): Search {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<SearchHit[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const q = query.trim();
  const active = searchable(q);

  useEffect(() => {
    setError(null);
    if (!active) {
      setItems([]);
      setLoading(false);
      return;
    }
    setLoading(true);
    const ctl = new AbortController();
    const t = setTimeout(() => {
      api.search(q, ctl.signal).then(
        (r) => {
          setItems(r.items);
          setLoading(false);
        },
        (err: unknown) => {
          if (ctl.signal.aborted) return;
          setError(errorMessage(err));
          setLoading(false);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      ctl.abort();
    };
  }, [q, active]);

  return { query, setQuery, active, items, loading, error };
}
