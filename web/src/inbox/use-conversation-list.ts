// Loads the current view page by page and keeps it live from socket events, without reloads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ConversationSummary } from '../api/types.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';
import { appendPage, applySummary, emptyList, matchesQuery, patchItem, toListParams, type ListQuery, type ListState } from './list-state.ts';

export interface ConversationList {
  state: ListState;
  loadMore(): void;
  reload(): void;
  /** Applies a summary the API just returned for this agent's own action. */
  applyLocal(summary: ConversationSummary): void;
  markReadLocally(id: string): void;
}

export function useConversationList(query: ListQuery, openId: string | null): ConversationList {
  const { me } = useSession();
  const { epoch } = useRealtime();
  const [state, setState] = useState<ListState>(emptyList);
  const [reloads, setReloads] = useState(0);
  const readAt = useRef(new Map<string, string>());
  const key = JSON.stringify(query);
  const lastKey = useRef<string | null>(null);
  const live = useRef({ query, openId, me });
  live.current = { query, openId, me };

  useEffect(() => {
    const ctl = new AbortController();
    const sameView = lastKey.current === key;
    lastKey.current = key;
    setState((s) => (sameView ? { ...s, loading: 'initial', error: null } : emptyList));
    api.listConversations(toListParams(query), ctl.signal).then(
      (page) => setState(appendPage({ ...emptyList, items: [] }, page)),
      (err: unknown) => {
        if (!ctl.signal.aborted) setState((s) => ({ ...s, loading: null, error: errorMessage(err) }));
      },
    );
    return () => ctl.abort();
    // `query` is captured through `key`, which changes whenever it does.
  }, [key, epoch, reloads]);

  const current = useRef(state);
  current.current = state;
  const loadMore = useCallback(() => {
    const s = current.current;
    if (!s.nextCursor || s.loading) return;
    const requestedKey = lastKey.current;
    current.current = { ...s, loading: 'more' };
    setState((now) => ({ ...now, loading: 'more' }));
    api.listConversations({ ...toListParams(live.current.query), cursor: s.nextCursor }).then(
      (page) => setState((now) => (lastKey.current === requestedKey ? appendPage(now, page) : now)),
      (err: unknown) => setState((now) => ({ ...now, loading: null, error: errorMessage(err) })),
    );
  }, []);

  const onSummary = useCallback((summary: ConversationSummary) => {
    const { query: q, openId: open, me: viewer } = live.current;
    setState((s) => applySummary(s, summary, { matches: matchesQuery(summary, q, viewer), openId: open, readAt: readAt.current.get(summary.id) }));
  }, []);
  useSocketEvent('conversation.created', onSummary);
  useSocketEvent('conversation.updated', onSummary);
  useSocketEvent('conversation.assigned', onSummary);
  useSocketEvent('message.created', (m) => {
    if (m.kind !== 'message' && m.kind !== 'note') return;
    const unread = m.direction === 'in' && m.kind === 'message' && m.conversationId !== live.current.openId;
    setState((s) =>
      patchItem(s, m.conversationId, (c) => ({
        ...c,
        lastMessage: { id: m.id, direction: m.direction, kind: m.kind, text: m.text.slice(0, 200), createdAt: m.createdAt },
        unread: unread || (c.unread ?? false),
      })),
    );
  });

  const markReadLocally = useCallback((id: string) => {
    readAt.current.set(id, new Date().toISOString());
    setState((s) => patchItem(s, id, (c) => ({ ...c, unread: false })));
  }, []);

  return { state, loadMore, reload: () => setReloads((n) => n + 1), applyLocal: onSummary, markReadLocally };
}
