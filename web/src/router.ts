// A small history-API router: the inbox view, filters, open conversation and whether the customer
// is shown (its own view on phones, a sheet on tablets) live in the URL, so reload and
// back/forward keep the agent where they were.
import { useEffect, useState } from 'react';
import { STATUSES, type ConversationStatus } from './api/types.ts';

/** `tasks`: the agent's follow-up tasks (My tasks) in place of a conversation list. */
export type InboxView = { kind: 'mine' } | { kind: 'unassigned' } | { kind: 'all' } | { kind: 'tasks' } | { kind: 'team'; teamId: string };

export interface InboxRoute {
  page: 'inbox';
  view: InboxView;
  status: ConversationStatus;
  channelId: string | null;
  conversationId: string | null;
  /** The customer of the open conversation is shown in place of it (phones) or over it (tablets). */
  customer?: boolean;
}

/** The routing and SLA settings pages, each at /admin/<page> (the queues' at /admin/routing-queues: /admin/queues is the job board). */
export const routingPages = ['routing', 'queues', 'sla', 'calendars', 'statuses'] as const;
export type RoutingPage = (typeof routingPages)[number];
const routingPagePath = (p: RoutingPage) => (p === 'queues' ? 'routing-queues' : p);


/** A workspace's public help center (/help/<workspace slug or id>) or one of its articles (/help/<workspace>/<slug>). */
export type HelpRoute = { page: 'help'; workspace: string; slug: string | null };
/** Pages anyone may open without logging in: the first run, the page an account link opens, a customer's survey page, the help center. */
export type PublicRoute = { page: 'setup' } | { page: 'account-link'; purpose: 'invite' | 'password_reset'; token: string } | { page: 'csat'; token: string } | HelpRoute;

export type Route =
  | { page: 'login' }
  | { page: 'supervisor' }
  | { page: 'channels' }
  | { page: 'canned' }
  | { page: 'macros' }
  | { page: 'exports' }
  /** The knowledge base: the list, or an article's editor (`new` for a new one). */
  | { page: 'knowledge'; articleId: string | null }
  | { page: 'duplicates' }
  | { page: 'reports' }
  | { page: 'inbound' }
  | { page: 'deliveries' }
  | { page: RoutingPage }
  | { page: 'people' }
  | { page: 'teams' }
  | { page: 'profile' }
  | { page: 'privacy' }
  | { page: 'webhooks' }
  | { page: 'surveys' }
  | { page: 'audit'; agentId: string | null; contactId: string | null }
  | { page: 'contacts' }
  | { page: 'contact'; contactId: string }
  | { page: 'organisations' }
  | { page: 'organisation'; organisationId: string }
  | { page: 'stages' }
  | { page: 'attributes' }
  | PublicRoute
  | InboxRoute;

export function viewSlug(v: InboxView): string {
  return v.kind === 'team' ? `team-${v.teamId}` : v.kind;
}

function parseView(slug: string | undefined): InboxView {
  if (slug === 'unassigned' || slug === 'all' || slug === 'mine' || slug === 'tasks') return { kind: slug };
  if (slug?.startsWith('team-') && slug.length > 5) return { kind: 'team', teamId: slug.slice(5) };
  return { kind: 'mine' };
}

export function parseRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'login') return { page: 'login' };
  if (parts[0] === 'supervisor') return { page: 'supervisor' };
  if (parts[0] === 'admin' && parts[1] === 'channels') return { page: 'channels' };
  const routingPage = parts[0] === 'admin' ? routingPages.find((p) => routingPagePath(p) === parts[1]) : undefined;
  if (routingPage) return { page: routingPage };
  if (parts[0] === 'admin' && parts[1] === 'people') return { page: 'people' };
  if (parts[0] === 'admin' && parts[1] === 'teams') return { page: 'teams' };
  if (parts[0] === 'profile') return { page: 'profile' };
  if (parts[0] === 'admin' && parts[1] === 'privacy') return { page: 'privacy' };
  if (parts[0] === 'admin' && parts[1] === 'webhooks') return { page: 'webhooks' };
  if (parts[0] === 'admin' && parts[1] === 'surveys') return { page: 'surveys' };
  if (parts[0] === 'csat' && parts[1]) return { page: 'csat', token: parts[1] };
  if (parts[0] === 'admin' && parts[1] === 'audit') return { page: 'audit', agentId: new URLSearchParams(search).get('agentId'), contactId: new URLSearchParams(search).get('contactId') };
  if (parts[0] === 'setup') return { page: 'setup' };
  if (parts[0] === 'invite' && parts[1]) return { page: 'account-link', purpose: 'invite', token: parts[1] };
  if (parts[0] === 'reset-password' && parts[1]) return { page: 'account-link', purpose: 'password_reset', token: parts[1] };
  if (parts[0] === 'canned-responses') return { page: 'canned' };
  if (parts[0] === 'macros') return { page: 'macros' };
  if (parts[0] === 'exports') return { page: 'exports' };
  if (parts[0] === 'knowledge') return { page: 'knowledge', articleId: parts[1] ?? null };
  if (parts[0] === 'help' && parts[1]) return { page: 'help', workspace: parts[1], slug: parts[2] ?? null };
  if (parts[0] === 'contacts') return parts[1] ? { page: 'contact', contactId: parts[1] } : { page: 'contacts' };
  if (parts[0] === 'organisations') return parts[1] ? { page: 'organisation', organisationId: parts[1] } : { page: 'organisations' };
  if (parts[0] === 'admin' && parts[1] === 'lifecycle-stages') return { page: 'stages' };
  if (parts[0] === 'admin' && parts[1] === 'contact-attributes') return { page: 'attributes' };
  if (parts[0] === 'duplicates') return { page: 'duplicates' };
  if (parts[0] === 'reports') return { page: 'reports' };
  if (parts[0] === 'inbound-events') return { page: 'inbound' };
  if (parts[0] === 'deliveries') return { page: 'deliveries' };
  const q = new URLSearchParams(search);
  const status = STATUSES.find((s) => s === q.get('status')) ?? 'open';
  const conversationId = parts[0] === 'inbox' && parts[2] === 'c' && parts[3] ? parts[3] : null;
  const customer = conversationId !== null && parts[4] === 'customer';
  return { page: 'inbox', view: parseView(parts[0] === 'inbox' ? parts[1] : undefined), status, channelId: q.get('channel'), conversationId, customer };
}

export function inboxPath(r: Omit<InboxRoute, 'page'>): string {
  const q = new URLSearchParams();
  if (r.status !== 'open') q.set('status', r.status);
  if (r.channelId) q.set('channel', r.channelId);
  const open = r.conversationId ? `/c/${encodeURIComponent(r.conversationId)}${r.customer ? '/customer' : ''}` : '';
  const path = `/inbox/${encodeURIComponent(viewSlug(r.view))}${open}`;
  const search = q.toString();
  return search ? `${path}?${search}` : path;
}

const NAVIGATE = 'parley:navigate';

/** What each entry the app pushes remembers: the address it was pushed from. */
interface EntryState {
  from: string;
}

const here = () => location.pathname + location.search;

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === here()) return;
  if (opts.replace) history.replaceState(history.state, '', to);
  else history.pushState({ from: here() } satisfies EntryState, '', to);
  window.dispatchEvent(new Event(NAVIGATE));
}

/**
 * Up one level (conversation -> list, customer -> conversation): the browser's own Back when the
 * app came here from there, so Back and Forward keep making sense; otherwise (a link or a reload
 * landed here) a new entry for the level above.
 */
export function navigateUp(to: string): void {
  const state = history.state as Partial<EntryState> | null;
  if (state?.from === to) history.back();
  else navigate(to);
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
