// The agent inbox: views on the left, the conversation list, the open conversation and the
// customer beside it. The URL holds the view, filters, open conversation and whether the customer
// is shown, which decides what a narrow screen shows (responsive.css): on phones the list, the
// conversation or the customer, each with a way back; on tablets the customer as a sheet.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { ConversationStatus, ConversationSummary } from '../api/types.ts';
import { ConversationPane } from '../conversation/conversation-pane.tsx';
import { useConversationActions } from '../conversation/use-actions.ts';
import { useConversation, type SendKind } from '../conversation/use-conversation.ts';
import { CustomerPanel } from '../customer/customer-panel.tsx';
import { inboxPath, navigate, navigateUp, type InboxRoute } from '../router.ts';
import { useSession } from '../state/session.tsx';
import { HelpOverlay } from '../ui/help-overlay.tsx';
import { ConversationList } from './conversation-list.tsx';
import { MyTasksList } from '../tasks/my-tasks-list.tsx';
import { NavSidebar } from './nav-sidebar.tsx';
import { useConversationList } from './use-conversation-list.ts';
import { useSearch } from './use-search.ts';
import { useShortcuts } from './use-shortcuts.ts';

export function InboxPage({ route }: { route: InboxRoute }) {
  const { teams } = useSession();
  const query = useMemo(() => ({ view: route.view, status: route.status, channelId: route.channelId }), [route.view, route.status, route.channelId]);
  const openId = route.conversationId;
  const list = useConversationList(query, openId);
  const [selectedId, setSelectedId] = useState<string | null>(openId);
  const [mode, setMode] = useState<SendKind>('reply');
  const [help, setHelp] = useState(false);
  const composer = useRef<HTMLTextAreaElement>(null);
  const search = useSearch();
  const searchBox = useRef<HTMLInputElement>(null);

  const go = useCallback((patch: Partial<Omit<InboxRoute, 'page'>>) => navigate(inboxPath({ ...route, ...patch })), [route]);
  const openConversation = useCallback((id: string | null) => {
    if (id) setSelectedId(id);
    go({ conversationId: id, customer: false });
  }, [go]);
  const conversationHref = useCallback((id: string) => inboxPath({ ...route, conversationId: id, customer: false }), [route]);
  const backToList = () => navigateUp(inboxPath({ ...route, conversationId: null, customer: false }));
  const closeCustomer = () => navigateUp(inboxPath({ ...route, customer: false }));
  const toggleCustomer = () => (route.customer ? closeCustomer() : go({ customer: true }));

  const markRead = useCallback(() => {
    if (!openId || document.visibilityState !== 'visible') return;
    list.markReadLocally(openId);
    void api.markRead(openId).catch(() => undefined);
  }, [openId, list.markReadLocally]);
  const open = useConversation(openId, markRead);
  const openedId = open.detail?.id;
  useEffect(() => {
    if (openedId) markRead();
  }, [openedId, markRead]);
  useEffect(() => {
    if (openId) setSelectedId(openId);
  }, [openId]);

  const apply = useCallback((s: ConversationSummary) => {
    list.applyLocal(s);
    open.applySummary(s);
  }, [list.applyLocal, open.applySummary]);
  const actions = useConversationActions(apply);

  // j / k / e move through what the list shows: the view, or the search results.
  const items: ConversationSummary[] = search.active ? search.items : list.state.items;
  const current = openId ?? selectedId;
  const indexOf = (id: string | null) => (id ? items.findIndex((c) => c.id === id) : -1);
  const move = (delta: number) => {
    const at = indexOf(current);
    const next = items[at === -1 ? (delta > 0 ? 0 : items.length - 1) : Math.min(Math.max(at + delta, 0), items.length - 1)];
    if (!next) return;
    if (openId) openConversation(next.id);
    else setSelectedId(next.id);
  };
  // The reply box exists once the conversation has loaded; focus it then.
  const [wantFocus, setWantFocus] = useState(0);
  useEffect(() => {
    if (!wantFocus || !openedId) return;
    requestAnimationFrame(() => composer.current?.focus());
    setWantFocus(0);
  }, [wantFocus, openedId]);
  const focusComposer = (m: SendKind) => {
    if (!openId && !selectedId) return;
    if (!openId && selectedId) openConversation(selectedId);
    setMode(m);
    setWantFocus((n) => n + 1);
  };

  useShortcuts({
    next: () => move(1),
    prev: () => move(-1),
    open: () => selectedId && openConversation(selectedId),
    reply: () => focusComposer('reply'),
    note: () => focusComposer('note'),
    resolve: () => {
      if (!current) return;
      const after = items[indexOf(current) + 1] ?? items[indexOf(current) - 1] ?? null;
      void actions.setStatus(current, 'resolved').then((s) => {
        if (!s || s.status === query.status) return;
        if (openId === current) openConversation(after?.id ?? null);
        else setSelectedId(after?.id ?? null);
      });
    },
    help: () => setHelp((v) => !v),
    search: () => searchBox.current?.focus(),
    escape: () => {
      if (help) setHelp(false);
      else if (route.customer) closeCustomer();
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
    },
  });

  const title =
    route.view.kind === 'team'
      ? (teams.find((t) => t.id === (route.view as { teamId: string }).teamId)?.name ?? 'Team')
      : { mine: 'Mine', unassigned: 'Unassigned', all: 'All conversations', tasks: 'My tasks' }[route.view.kind];

  const view = !openId ? 'list' : route.customer ? 'customer' : 'conversation';
  return (
    <div className="app app-inbox" data-view={view}>
      <NavSidebar active={route.view} onHelp={() => setHelp(true)} />
      {route.view.kind === 'tasks' ? (
        <MyTasksList onOpenConversation={(id) => openConversation(id)} />
      ) : (
      <ConversationList
        title={title}
        state={list.state}
        status={route.status}
        channelId={route.channelId}
        selectedId={current}
        openId={openId}
        onStatus={(status: ConversationStatus) => go({ status, conversationId: null })}
        onChannel={(channelId) => go({ channelId, conversationId: null })}
        onOpen={openConversation}
        onLoadMore={list.loadMore}
        onRetry={list.reload}
        search={search}
        searchRef={searchBox}
      />
      )}
      {openId ? (
        <ConversationPane open={open} actions={actions} mode={mode} onMode={setMode} composerRef={composer} onBack={backToList} onCustomer={toggleCustomer} customerOpen={!!route.customer} />
      ) : (
        <section className="pane pane-empty">
          <div className="pane-hint">
            Select a conversation. <kbd>j</kbd> <kbd>k</kbd> to move, <kbd>Enter</kbd> to open, <kbd>?</kbd> for all shortcuts.
          </div>
        </section>
      )}
      {route.customer && <div className="panel-scrim" aria-hidden="true" onClick={closeCustomer} />}
      {open.detail ? (
        <CustomerPanel
          contactId={open.detail.contact.id}
          conversationId={open.detail.id}
          onOpenConversation={openConversation}
          conversationHref={conversationHref}
          refreshKey={`${open.detail.lastMessageAt}:${open.messages.length}`}
          onClose={closeCustomer}
        />
      ) : (
        route.customer && <aside className="panel-column dim" aria-label="Customer">Loading customer…</aside>
      )}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
