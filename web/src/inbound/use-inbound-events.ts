// The failed events page's list: the events of the chosen filter (failed / rejected), kept live
// from `inbound.failed`, marking the supervisor's "seen" while they look.
import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { InboundEvent } from '../api/types.ts';
import { INBOUND_SEEN_EVENT } from '../inbox/inbound-badge.tsx';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';

export type InboundFilter = 'failed' | 'rejected';

export interface InboundEventList {
  items: InboundEvent[];
  loading: boolean;
  error: string | null;
  /** Puts a newer copy of an event in its place (after a retry, or with its whole payload). */
  replace(e: InboundEvent): void;
  patch(id: string, change: Partial<InboundEvent>): void;
  reload(): void;
}

const markSeen = () =>
  api.markInboundSeen().then(
    () => window.dispatchEvent(new Event(INBOUND_SEEN_EVENT)),
    () => undefined,
  );

export function useInboundEvents(filter: InboundFilter): InboundEventList {
  const { epoch } = useRealtime();
  const [items, setItems] = useState<InboundEvent[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    api.inboundEvents(filter, ctl.signal).then(
      (r) => {
        setItems(r.items);
        setError(null);
        setLoading(false);
        // Looking at the list is what "seen" means: the nav's badge counts only what comes after.
        void markSeen();
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [filter, epoch, reloads]);

  useSocketEvent('inbound.failed', (e) => {
    if (e.status === filter && !items.some((x) => x.id === e.id)) setReloads((n) => n + 1);
  });

  const replace = useCallback((e: InboundEvent) => setItems((list) => list.map((x) => (x.id === e.id ? e : x))), []);
  const patch = useCallback((id: string, change: Partial<InboundEvent>) => setItems((list) => list.map((x) => (x.id === id ? { ...x, ...change } : x))), []);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  return { items, loading, error, replace, patch, reload };
}
