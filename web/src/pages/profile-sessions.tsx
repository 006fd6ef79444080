// My profile → Sessions: where I am logged in (browser and system, address, last active), this
// browser first; "Log out" ends one, "Log out everywhere else" all but this one.
import { useCallback, useEffect, useState } from 'react';
import { accountApi } from '../api/account-endpoints.ts';
import { errorMessage } from '../api/client.ts';
import type { OwnSession } from '../api/types.ts';
import { fullTime, relativeTime } from '../ui/format.ts';
import { useToasts } from '../ui/toasts.tsx';
import { useNow } from '../ui/use-now.ts';

function lastActive(s: OwnSession, now: number): string {
  if (s.current) return 'Active now';
  const ago = relativeTime(s.lastSeenAt, now);
  return ago === 'now' ? 'Active now' : `Last active ${/^\d/.test(ago) ? `${ago} ago` : ago}`;
}

function SessionRow({ session: s, now, busy, onEnd }: { session: OwnSession; now: number; busy: boolean; onEnd(): void }) {
  return (
    <li className="person-row session-row" data-session-id={s.id} aria-label={s.current ? `${s.device} (this browser)` : s.device}>
      <div className="person-main">
        <div className="person-text">
          <div className="person-name">
            {s.device}
            {s.current && <span className="state-pill state-active session-here">This browser</span>}
          </div>
          <div className="person-email" title={s.userAgent ?? undefined}>
            {s.ip ?? 'address unknown'} · logged in {fullTime(s.createdAt)}
          </div>
        </div>
      </div>
      <div className="person-facts">
        <span title={fullTime(s.lastSeenAt)}>{lastActive(s, now)}</span>
      </div>
      {!s.current && (
        <div className="person-actions">
          <button type="button" className="button" disabled={busy} onClick={onEnd}>
            Log out
          </button>
        </div>
      )}
    </li>
  );
}

export function SessionsCard() {
  const toasts = useToasts();
  const now = useNow();
  const [sessions, setSessions] = useState<OwnSession[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      setSessions((await accountApi.mySessions()).sessions);
      setError(null);
    } catch (err) {
      setError(errorMessage(err));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const act = async (work: () => Promise<{ ended: number }>, done: (ended: number) => string) => {
    setBusy(true);
    try {
      const { ended } = await work();
      toasts.show({ tone: 'info', text: done(ended) });
      await load();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const others = sessions?.filter((s) => !s.current).length ?? 0;

  return (
    <section className="stack-form board-card" aria-label="Sessions">
      <h2 className="board-card-title">Sessions</h2>
      <p className="field-hint profile-who">Where you are logged in. A session unused for a while ends by itself.</p>
      {error && (
        <div className="composer-error" role="alert">
          {error}
        </div>
      )}
      {sessions === null && !error && <p className="dim">Loading…</p>}
      {sessions && (
        <ul className="people-list session-list">
          {sessions.map((s) => (
            <SessionRow key={s.id} session={s} now={now} busy={busy} onEnd={() => void act(() => accountApi.endSession(s.id), () => `Logged out ${s.device}`)} />
          ))}
        </ul>
      )}
      <div className="form-actions">
        <button
          type="button"
          className="button"
          disabled={busy || others === 0}
          onClick={() => void act(() => accountApi.logoutEverywhere({ keepCurrent: true }), (n) => `Logged out of ${n} other session${n === 1 ? '' : 's'}`)}
        >
          Log out everywhere else
        </button>
      </div>
    </section>
  );
}
