// The number beside "Failed events" in the nav: inbound events that failed or were refused since
// this supervisor last looked, counted up live as `inbound.failed` arrives and cleared by looking.
import { useEffect, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { useRealtime, useSocketEvent } from '../realtime/socket.tsx';
import './inbound-badge.css';

/** Dispatched on window by the failed events page once the server has the supervisor's "seen" mark. */
export const INBOUND_SEEN_EVENT = 'parley:inbound-seen';

function useUnseenFailures(looking: boolean): number {
  const { epoch } = useRealtime();
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (looking) {
      setCount(0);
      return;
    }
    // On every (re)connect: what arrived while the socket was away is in the server's count.
    const ctl = { cancelled: false };
    api.inboundUnseen().then(
      (u) => !ctl.cancelled && setCount(u.count),
      () => undefined,
    );
    return () => {
      ctl.cancelled = true;
    };
  }, [looking, epoch]);
  useEffect(() => {
    const clear = () => setCount(0);
    window.addEventListener(INBOUND_SEEN_EVENT, clear);
    return () => window.removeEventListener(INBOUND_SEEN_EVENT, clear);
  }, []);
  useSocketEvent('inbound.failed', () => {
    if (!looking) setCount((n) => n + 1);
  });
  return count;
}

export function InboundBadge({ looking }: { looking: boolean }) {
  const count = useUnseenFailures(looking);
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="inbound-badge" aria-label={`${count} new`}>
      {count > 99 ? '99+' : count}
    </span>
  );
}
