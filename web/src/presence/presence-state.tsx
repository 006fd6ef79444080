// The logged-in agent's own presence as the server has it: loaded with the session, changed through
// POST /api/me/presence, and kept live from `agent.presence` (a supervisor set it, the socket
// brought the agent online). The newest change wins, so a late answer never undoes a later event.
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { errorMessage } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Presence } from '../api/types.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import { useSession } from '../state/session.tsx';
import { useToasts } from '../ui/toasts.tsx';

export interface MyPresence {
  presence: Presence;
  /** The status being saved, shown selected until the server answers. */
  saving: Presence | null;
  set(presence: Presence): void;
}

const PresenceContext = createContext<MyPresence | null>(null);

export function PresenceProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { state } = useRealtime();
  const toasts = useToasts();
  const [current, setCurrent] = useState({ presence: me.presence, at: Date.parse(me.presenceChangedAt) || 0 });
  const [saving, setSaving] = useState<Presence | null>(null);
  const latest = useRef(current);

  const apply = useCallback((presence: Presence, atIso: string) => {
    const at = Date.parse(atIso) || Date.now();
    if (at < latest.current.at) return;
    latest.current = { presence, at };
    setCurrent(latest.current);
  }, []);

  useSocketEvent('agent.presence', (e) => {
    if (e.agentId === me.id) apply(e.presence, e.at);
  });

  // Events are missed while disconnected: read the server's state on every (re)connect. Connecting
  // may itself bring the agent online; that arrives as an event, and the newer one wins either way.
  useEffect(() => {
    if (state !== 'connected') return;
    let cancelled = false;
    api.me().then(
      (m) => !cancelled && apply(m.presence, m.presenceChangedAt),
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [state, apply]);

  const set = useCallback(
    (presence: Presence) => {
      setSaving(presence);
      api.setMyPresence(presence).then(
        (r) => {
          apply(r.presence, r.presenceChangedAt);
          setSaving(null);
        },
        (err: unknown) => {
          setSaving(null);
          toasts.error(`Could not change your status: ${errorMessage(err)}`);
        },
      );
    },
    [apply, toasts],
  );

  return <PresenceContext.Provider value={{ presence: current.presence, saving, set }}>{children}</PresenceContext.Provider>;
}

export function useMyPresence(): MyPresence {
  const p = useContext(PresenceContext);
  if (!p) throw new Error('useMyPresence outside PresenceProvider');
  return p;
}
