// The pages besides the inbox (supervisor board, channel admin, canned responses), each loaded on
// first visit as its own chunk, so the inbox bundle every agent downloads does not carry them.
import { lazy } from 'react';

export const SupervisorPage = lazy(() => import('./supervisor-page.tsx').then((m) => ({ default: m.SupervisorPage })));
export const ChannelsPage = lazy(() => import('./channels-page.tsx').then((m) => ({ default: m.ChannelsPage })));
export const InboundEventsPage = lazy(() => import('./inbound-events-page.tsx').then((m) => ({ default: m.InboundEventsPage })));
export const CannedPage = lazy(() => import('./canned-page.tsx').then((m) => ({ default: m.CannedPage })));

/** Shown while a page's chunk loads (a moment on first visit). */
export function PageLoading() {
  return (
    <div className="splash" role="status">
      Loading…
    </div>
  );
}
