// Retrying failed inbound events, one or many: each accepted retry is followed (asked about once a
// second, for at most a minute) until the ingest worker is done with it; a refusal is kept with its
// reason beside the event.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { InboundEvent, InboundRetryResponse } from '../api/types.ts';

const FOLLOW_MS = 60_000;
const FOLLOW_EVERY_MS = 1_000;

export interface InboundRetry {
  /** Ids being retried (sent, or waiting for the worker). */
  retrying: ReadonlySet<string>;
  /** Why a retry (or expanding a payload) was refused, by event id. */
  refusals: ReadonlyMap<string, string>;
  retry(ids: string[]): Promise<void>;
  refuse(id: string, why: string): void;
}

function without(s: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(s);
  next.delete(id);
  return next;
}

async function send(ids: string[]): Promise<InboundRetryResponse> {
  try {
    return ids.length === 1 ? { results: [await api.retryInboundEvent(ids[0]!)] } : await api.retryInboundEvents(ids);
  } catch (err) {
    return { results: ids.map((id) => ({ id, error: { code: 'request', message: errorMessage(err) } })) };
  }
}

export function useInboundRetry(list: { replace(e: InboundEvent): void; patch(id: string, change: Partial<InboundEvent>): void }): InboundRetry {
  const [retrying, setRetrying] = useState<ReadonlySet<string>>(new Set());
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const alive = useRef(true);
  useEffect(() => {
    // Set here, not only initially: StrictMode mounts, unmounts and mounts again in development.
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const { replace, patch } = list;

  const follow = useCallback(
    async (id: string) => {
      const until = Date.now() + FOLLOW_MS;
      while (alive.current && Date.now() < until) {
        await new Promise((r) => setTimeout(r, FOLLOW_EVERY_MS));
        const e = await api.inboundEvent(id).catch(() => null);
        if (e && e.status !== 'received') {
          replace(e);
          break;
        }
      }
      setRetrying((s) => without(s, id));
    },
    [replace],
  );

  const retry = useCallback(
    async (ids: string[]) => {
      setRetrying((s) => new Set([...s, ...ids]));
      setRefusals((m) => new Map([...m].filter(([k]) => !ids.includes(k))));
      for (const r of (await send(ids)).results) {
        if ('error' in r) {
          setRefusals((m) => new Map(m).set(r.id, r.error.message));
          setRetrying((s) => without(s, r.id));
          continue;
        }
        patch(r.id, { status: 'received', error: null });
        void follow(r.id);
      }
    },
    [follow, patch],
  );

  const refuse = useCallback((id: string, why: string) => setRefusals((m) => new Map(m).set(id, why)), []);
  return { retrying, refusals, retry, refuse };
}
