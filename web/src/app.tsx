// The app shell: finds out who is logged in, loads the workspace directory, connects the socket,
// and shows the login page, the inbox or the supervisor board. Any 401 returns to login. Alerts,
// offers and the agent's own presence live here, so they work on every page.
import { Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage, setUnauthorizedHandler } from './api/client.ts';
import { api } from './api/endpoints.ts';
import { InboxPage } from './inbox/inbox-page.tsx';
import { unlockAudio } from './inbox/notify.ts';
import { useAlerts } from './inbox/use-alerts.ts';
import { useRoutingAlerts } from './inbox/use-routing-alerts.ts';
import { OfferStack } from './offers/offer-stack.tsx';
import { useOffers } from './offers/use-offers.ts';
import { LoginPage } from './pages/login-page.tsx';
import { CalendarsPage, CannedPage, ChannelsPage, InboundEventsPage, PageLoading, QueuesPage, SlaPoliciesPage, StatusesPage, SupervisorPage, WorkflowPage } from './pages/lazy-pages.tsx';
import { PresenceProvider } from './presence/presence-state.tsx';
import { RealtimeContext, useRealtimeConnection } from './realtime/socket.tsx';
import { inboxPath, navigate, useRoute, type Route, type RoutingPage } from './router.ts';
import { SessionContext, type Session } from './state/session.tsx';
import { HelpOverlay } from './ui/help-overlay.tsx';
import { setChannelKinds } from './channels/channel-kinds.ts';

type Directory = Omit<Session, 'logout' | 'reloadDirectory'>;
type Boot = { state: 'loading' } | { state: 'anonymous' } | { state: 'error'; message: string } | { state: 'ready'; session: Directory };

async function loadSession(): Promise<Directory> {
  const me = await api.me();
  const [agents, teams, channels, canned, kinds] = await Promise.all([api.agents(), api.teams(), api.channels(), api.cannedResponses(), api.channelKinds()]);
  setChannelKinds(kinds.items);
  return { me, agents: agents.items, teams: teams.items, channels: channels.items, canned: canned.items };
}

const mineView = { kind: 'mine' } as const;

/** The routing and SLA settings pages (web/src/routing, web/src/sla). */
function RoutingSettings({ page, onHelp }: { page: RoutingPage; onHelp(): void }) {
  const Page = { routing: WorkflowPage, queues: QueuesPage, sla: SlaPoliciesPage, calendars: CalendarsPage, statuses: StatusesPage }[page];
  return <Page onHelp={onHelp} />;
}

/** Alerts and offers for the logged-in agent on whichever page they are. */
function LiveLayer({ route }: { route: Route }) {
  const openConversation = useCallback(
    (id: string) => navigate(route.page === 'inbox' ? inboxPath({ ...route, conversationId: id, customer: false }) : inboxPath({ view: { kind: 'all' }, status: 'open', channelId: null, conversationId: id })),
    [route],
  );
  const openMine = useCallback((id: string) => navigate(inboxPath({ view: mineView, status: 'open', channelId: null, conversationId: id })), []);
  useAlerts(openConversation, () => navigate(inboxPath({ view: mineView, status: 'open', channelId: null, conversationId: null })));
  useRoutingAlerts(openConversation, route.page === 'supervisor' ? null : () => navigate('/supervisor'));
  const offers = useOffers(openMine);
  return <OfferStack offers={offers} />;
}

export function App() {
  const route = useRoute();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [help, setHelp] = useState(false);

  const start = useCallback(async () => {
    try {
      setBoot({ state: 'ready', session: await loadSession() });
      if (location.pathname === '/' || location.pathname === '/login') navigate('/inbox/mine', { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setBoot({ state: 'anonymous' });
      else setBoot({ state: 'error', message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setBoot({ state: 'anonymous' }));
    void start();
    const unlock = () => unlockAudio();
    window.addEventListener('pointerdown', unlock, { once: true });
    window.addEventListener('keydown', unlock, { once: true });
  }, [start]);

  const stillLoggedIn = useCallback(async () => {
    try {
      await api.me();
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setBoot({ state: 'anonymous' });
        return false;
      }
      return true;
    }
  }, []);
  const realtime = useRealtimeConnection(boot.state === 'ready', stillLoggedIn);

  const session = useMemo<Session | null>(() => {
    if (boot.state !== 'ready') return null;
    return {
      ...boot.session,
      reloadDirectory: async () => {
        const [channels, canned] = await Promise.all([api.channels(), api.cannedResponses()]);
        setBoot((b) => (b.state === 'ready' ? { state: 'ready', session: { ...b.session, channels: channels.items, canned: canned.items } } : b));
      },
      logout: async () => {
        await api.logout().catch(() => undefined);
        setBoot({ state: 'anonymous' });
      },
    };
  }, [boot]);

  useEffect(() => {
    if (boot.state === 'anonymous' && route.page !== 'login') navigate('/login', { replace: true });
    if (boot.state === 'ready' && route.page === 'login') navigate('/inbox/mine', { replace: true });
  }, [boot.state, route.page]);

  if (boot.state === 'loading') return <div className="splash">Loading Parley…</div>;
  if (boot.state === 'error') {
    return (
      <div className="splash">
        <div className="banner banner-error" role="alert">
          {boot.message}
          <button type="button" className="link-button" onClick={() => void start()}>
            Try again
          </button>
        </div>
      </div>
    );
  }
  if (boot.state === 'anonymous' || !session) return <LoginPage onLoggedIn={start} />;

  return (
    <SessionContext.Provider value={session}>
      <RealtimeContext.Provider value={realtime}>
        <PresenceProvider>
          <Suspense fallback={<PageLoading />}>
            {route.page === 'supervisor' ? <SupervisorPage onHelp={() => setHelp(true)} /> : route.page === 'channels' ? <ChannelsPage onHelp={() => setHelp(true)} /> : route.page === 'canned' ? <CannedPage onHelp={() => setHelp(true)} /> : route.page === 'inbound' ? <InboundEventsPage onHelp={() => setHelp(true)} /> : route.page === 'inbox' ? <InboxPage route={route} /> : route.page === 'login' ? null : <RoutingSettings page={route.page} onHelp={() => setHelp(true)} />}
          </Suspense>
          {help && route.page !== 'inbox' && route.page !== 'login' && <HelpOverlay onClose={() => setHelp(false)} />}
          <LiveLayer route={route} />
        </PresenceProvider>
      </RealtimeContext.Provider>
    </SessionContext.Provider>
  );
}
