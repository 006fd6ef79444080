// The deliveries page's list: replies in retry, dead-lettered or uncertain across the workspace,
// loaded again when a reply changes delivery state (message.updated) or the socket reconnects.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Delivery, DeliveryState } from '../api/types.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';

export function useDeliveries(state: DeliveryState) {
  const { epoch } = useRealtime();
  const [items, setItems] = useState<Delivery[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);

  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    api.deliveries(state, ctl.signal).then(
      (r) => {
        setItems(r.items);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (ctl.signal.aborted) return;
        setError(errorMessage(err));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [state, epoch, reloads]);

  // A burst of updates (a relay back after an outage) is one reload, not one per message.
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useSocketEvent('message.updated', () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      reload();
    }, 500);
  });
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  return { items, loading, error, reload };
}
