// Search as you type, shared by the composer's Knowledge picker and the public help page: waits for
// a pause in typing, cancels the search a newer query makes stale, keeps the last answer meanwhile.
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export function useArticleSearch<T>(q: string, search: (q: string, signal: AbortSignal) => Promise<{ items: T[] }>, delayMs = 200) {
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(search);
  latest.current = search;
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setItems(null);
      setError(null);
      return;
    }
    const ctrl = new AbortController();
    const timer = setTimeout(() => {
      latest.current(query, ctrl.signal).then(
        (res) => {
          setItems(res.items);
          setError(null);
        },
        (err: unknown) => {
          if (!ctrl.signal.aborted) setError(errorMessage(err));
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [q, delayMs]);
  return { items, error };
}
