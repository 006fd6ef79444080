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

/** Pages anyone may open without logging in: the first run and the page an account link opens. */
export type PublicRoute = { page: 'setup' } | { page: 'account-link'; purpose: 'invite' | 'password_reset'; token: string };

export type Route = { page: 'login' } | { page: 'supervisor' } | { page: 'channels' } | { page: 'canned' } | { page: 'people' } | { page: 'teams' } | { page: 'profile' } | PublicRoute | InboxRoute;

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
  if (parts[0] === 'admin' && parts[1] === 'people') return { page: 'people' };
  if (parts[0] === 'admin' && parts[1] === 'teams') return { page: 'teams' };
  if (parts[0] === 'profile') return { page: 'profile' };
  if (parts[0] === 'setup') return { page: 'setup' };
  if (parts[0] === 'invite' && parts[1]) return { page: 'account-link', purpose: 'invite', token: parts[1] };
  if (parts[0] === 'reset-password' && parts[1]) return { page: 'account-link', purpose: 'password_reset', token: parts[1] };
  if (parts[0] === 'canned-responses') return { page: 'canned' };
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
