// The board's data: GET /api/supervisor/board plus the waiting conversations, kept live. Socket
// nudges (queues.changed, agent.presence, conversation.*) are coalesced into at most one refetch a
// second; presence is applied at once; a slow timer and every reconnect refetch as a safety net.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Board, ConversationSummary } from '../api/types.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { sortWaiting } from './board-model.ts';

const NUDGE_DELAY_MS = 1000;
const SAFETY_REFRESH_MS = 60_000;
/** Pages of 100; beyond this the list says how many it does not show. */
const MAX_WAITING_PAGES = 5;

export interface BoardState {
  board: Board | null;
  /** When this browser received `board` (its figures age from then). */
  loadedAt: number | null;
  waiting: ConversationSummary[];
  /** More unassigned conversations exist than were loaded. */
  waitingTruncated: boolean;
  error: string | null;
  loading: boolean;
}

export interface LiveBoard extends BoardState {
  refresh(): void;
  /** Takes a conversation off the waiting list at once (it was just assigned from the board). */
  removeWaiting(conversationId: string): void;
}

async function loadWaiting(signal: AbortSignal): Promise<{ items: ConversationSummary[]; truncated: boolean }> {
  const items: ConversationSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_WAITING_PAGES; page++) {
    const res = await api.listConversations({ status: ['open'], assignee: 'unassigned', limit: 100, cursor }, signal);
    items.push(...res.items);
    if (!res.nextCursor) return { items, truncated: false };
    cursor = res.nextCursor;
  }
  return { items, truncated: true };
}

export function useBoard(): LiveBoard {
  const { epoch } = useRealtime();
  const [state, setState] = useState<BoardState>({ board: null, loadedAt: null, waiting: [], waitingTruncated: false, error: null, loading: true });
  const inFlight = useRef<AbortController | null>(null);
  const again = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const load = useCallback(async () => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    const ctl = new AbortController();
    inFlight.current = ctl;
    try {
      const [board, waiting] = await Promise.all([api.board(ctl.signal), loadWaiting(ctl.signal)]);
      setState({ board, loadedAt: Date.now(), waiting: sortWaiting(waiting.items), waitingTruncated: waiting.truncated, error: null, loading: false });
    } catch (err) {
      if (!ctl.signal.aborted) setState((s) => ({ ...s, error: errorMessage(err), loading: false }));
    } finally {
      if (inFlight.current === ctl) inFlight.current = null;
      if (again.current && !ctl.signal.aborted) {
        again.current = false;
        void load();
      }
    }
  }, []);

  const nudge = useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      void load();
    }, NUDGE_DELAY_MS);
  }, [load]);

  useEffect(() => {
    void load();
    const safety = setInterval(() => void load(), SAFETY_REFRESH_MS);
    return () => {
      clearInterval(safety);
      clearTimeout(timer.current);
      timer.current = undefined;
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [epoch, load]);

  useSocketEvent('queues.changed', nudge);
  useSocketEvent('conversation.created', nudge);
  useSocketEvent('conversation.assigned', nudge);
  useSocketEvent('agent.presence', (e) => {
    setState((s) => (s.board ? { ...s, board: { ...s.board, agents: s.board.agents.map((a) => (a.id === e.agentId ? { ...a, presence: e.presence } : a)) } } : s));
    nudge();
  });

  const removeWaiting = useCallback((id: string) => setState((s) => ({ ...s, waiting: s.waiting.filter((c) => c.id !== id) })), []);
  const refresh = useCallback(() => void load(), [load]);
  return { ...state, refresh, removeWaiting };
}
