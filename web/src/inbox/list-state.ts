// The inbox list as pure data: which conversations belong in the current view, and how a live
// summary from the server changes the loaded page (insert, move to top, update, drop).
import type { ListParams } from '../api/endpoints.ts';
import type { ConversationStatus, ConversationSummary, Me } from '../api/types.ts';
import type { InboxView } from '../router.ts';

export interface ListQuery {
  view: InboxView;
  status: ConversationStatus;
  channelId: string | null;
}

export function toListParams(q: ListQuery): ListParams {
  // My tasks shows tasks; the conversations behind it (j / k) are the agent's own.
  const assignee = q.view.kind === 'mine' || q.view.kind === 'tasks' ? 'me' : q.view.kind === 'unassigned' ? 'unassigned' : 'all';
  return {
    status: [q.status],
    assignee,
    ...(q.view.kind === 'team' ? { teamId: q.view.teamId } : {}),
    ...(q.channelId ? { channelId: q.channelId } : {}),
  };
}

function visibleTo(c: ConversationSummary, me: Me): boolean {
  if (me.role !== 'agent') return true;
  return c.assignee?.id === me.id || c.team === null || me.teamIds.includes(c.team.id);
}

export function matchesQuery(c: ConversationSummary, q: ListQuery, me: Me): boolean {
  if (c.status !== q.status) return false;
  if (q.channelId && c.channel.id !== q.channelId) return false;
  if (!visibleTo(c, me)) return false;
  switch (q.view.kind) {
    case 'mine':
    case 'tasks':
      return c.assignee?.id === me.id;
    case 'unassigned':
      return c.assignee === null;
    case 'team':
      return c.team?.id === q.view.teamId;
    case 'all':
      return true;
  }
}

export interface ListState {
  items: ConversationSummary[];
  nextCursor: string | null;
  loading: 'initial' | 'more' | null;
  error: string | null;
}

export const emptyList: ListState = { items: [], nextCursor: null, loading: 'initial', error: null };

/** Newest activity first, ties by id descending: the server's order. */
function before(a: ConversationSummary, b: ConversationSummary): boolean {
  return a.lastMessageAt > b.lastMessageAt || (a.lastMessageAt === b.lastMessageAt && a.id > b.id);
}

export interface LiveContext {
  matches: boolean;
  /** The conversation open in the pane: it is being read, so never unread. */
  openId: string | null;
  /** When this agent last marked it read in this tab, if ever. */
  readAt: string | undefined;
}

function unreadFor(next: ConversationSummary, prev: ConversationSummary | undefined, ctx: LiveContext): boolean {
  if (next.id === ctx.openId) return false;
  if (!next.lastInboundAt) return false;
  if (ctx.readAt && next.lastInboundAt <= ctx.readAt) return false;
  if (prev) return prev.lastInboundAt !== next.lastInboundAt ? true : (prev.unread ?? false);
  return true;
}

export function applySummary(state: ListState, summary: ConversationSummary, ctx: LiveContext): ListState {
  const prev = state.items.find((c) => c.id === summary.id);
  const rest = state.items.filter((c) => c.id !== summary.id);
  if (!ctx.matches) return prev ? { ...state, items: rest } : state;
  const next = { ...summary, unread: unreadFor(summary, prev, ctx) };
  let at = rest.findIndex((c) => before(next, c));
  if (at === -1) {
    // Older than everything loaded: it arrives with the next page unless this is the last page.
    if (!prev && state.nextCursor) return state;
    at = rest.length;
  }
  return { ...state, items: [...rest.slice(0, at), next, ...rest.slice(at)] };
}

export function patchItem(state: ListState, id: string, patch: (c: ConversationSummary) => ConversationSummary): ListState {
  if (!state.items.some((c) => c.id === id)) return state;
  return { ...state, items: state.items.map((c) => (c.id === id ? patch(c) : c)) };
}

export function appendPage(state: ListState, page: { items: ConversationSummary[]; nextCursor: string | null }): ListState {
  const seen = new Set(state.items.map((c) => c.id));
  return { items: [...state.items, ...page.items.filter((c) => !seen.has(c.id))], nextCursor: page.nextCursor, loading: null, error: null };
}
