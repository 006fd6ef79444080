// A small history-API router: the inbox view, filters and open conversation live in the URL, so
// reload and back/forward keep the agent where they were.
import { useEffect, useState } from 'react';
import { STATUSES, type ConversationStatus } from './api/types.ts';

export type InboxView = { kind: 'mine' } | { kind: 'unassigned' } | { kind: 'all' } | { kind: 'team'; teamId: string };

export interface InboxRoute {
  page: 'inbox';
  view: InboxView;
  status: ConversationStatus;
  channelId: string | null;
  conversationId: string | null;
}

export type Route = { page: 'login' } | { page: 'supervisor' } | { page: 'channels' } | { page: 'canned' } | { page: 'inbound' } | InboxRoute;

export function viewSlug(v: InboxView): string {
  return v.kind === 'team' ? `team-${v.teamId}` : v.kind;
}

function parseView(slug: string | undefined): InboxView {
  if (slug === 'unassigned' || slug === 'all' || slug === 'mine') return { kind: slug };
  if (slug?.startsWith('team-') && slug.length > 5) return { kind: 'team', teamId: slug.slice(5) };
  return { kind: 'mine' };
}

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'supervisor') return { page: 'supervisor' };
  if (parts[0] === 'admin' && parts[1] === 'channels') return { page: 'channels' };
  if (parts[0] === 'canned-responses') return { page: 'canned' };
  if (parts[0] === 'inbound-events') return { page: 'inbound' };
  const q = new URLSearchParams(search);
  const status = STATUSES.find((s) => s === q.get('status')) ?? 'open';
  const conversationId = parts[0] === 'inbox' && parts[2] === 'c' && parts[3] ? parts[3] : null;
  return { page: 'inbox', view: parseView(parts[0] === 'inbox' ? parts[1] : undefined), status, channelId: q.get('channel'), conversationId };
}

export function inboxPath(r: Omit<InboxRoute, 'page'>): string {
  const q = new URLSearchParams();
  if (r.status !== 'open') q.set('status', r.status);
  if (r.channelId) q.set('channel', r.channelId);
  const path = `/inbox/${encodeURIComponent(viewSlug(r.view))}${r.conversationId ? `/c/${encodeURIComponent(r.conversationId)}` : ''}`;
  const search = q.toString();
  return search ? `${path}?${search}` : path;
}

const NAVIGATE = 'parley:navigate';

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return;
  if (opts.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
}

export function useRoute(): Route {
  const read = () => parseRoute(location.pathname, location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATE, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATE, update);
    };
  }, []);
  return route;
}
