// The app shell: finds out who is logged in, loads the workspace directory, connects the socket,
// and shows the login page (the first-run screen while Parley has no workspace), the inbox or
// another page. Any 401 returns to login; the page an invite or reset link opens works logged in
// or not. Alerts, offers and the agent's own presence live here, so they work on every page.
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
import { AuditPage, CsatSettingsPage, CsatSurveyPage, PrivacyPage, WebhooksPage } from './pages/lazy-pages.tsx';
import { AccountLinkPage, AttributesPage, ContactPage, ContactsPage, DuplicatesPage, OrganisationPage, OrganisationsPage, StagesPage, CalendarsPage, CannedPage, HelpPage, KnowledgePage, ChannelsPage, MacrosPage, ExportsPage, DeliveriesPage, FirstRunPage, InboundEventsPage, PageLoading, PeoplePage, ProfilePage, QueuesPage, ReportsPage, SlaPoliciesPage, StatusesPage, SupervisorPage, TeamsPage, WorkflowPage } from './pages/lazy-pages.tsx';
import { accountApi } from './api/account-endpoints.ts';
import { PresenceProvider } from './presence/presence-state.tsx';
import { RealtimeContext, useRealtimeConnection } from './realtime/socket.tsx';
import { inboxPath, navigate, useRoute, type Route, type RoutingPage } from './router.ts';
import { SessionContext, type Session } from './state/session.tsx';
import { HelpOverlay } from './ui/help-overlay.tsx';
import { setChannelKinds } from './channels/channel-kinds.ts';

type Directory = Omit<Session, 'logout' | 'reloadDirectory'>;
type Boot = { state: 'loading' } | { state: 'anonymous'; setupNeeded: boolean } | { state: 'error'; message: string } | { state: 'ready'; session: Directory };

async function loadSession(): Promise<Directory> {
  const me = await api.me();
  const [agents, teams, channels, canned, kinds] = await Promise.all([api.agents(), api.teams(), api.channels(), api.cannedResponses(), api.channelKinds()]);
  setChannelKinds(kinds.items);
  return { me, agents: agents.items, teams: teams.items, channels: channels.items, canned: canned.items };
}

/** Nobody is logged in: the first-run screen while Parley has no workspace, else the login page. */
async function anonymousBoot(): Promise<Boot> {
  const setup = await accountApi.setupStatus().catch(() => ({ needed: false }));
  return { state: 'anonymous', setupNeeded: setup.needed };
}

const publicPages: Route['page'][] = ['login', 'setup', 'account-link'];

/** A link may be opened in a browser logged in as someone else: a fresh load drops that session's socket and state. */
const enterAfterLink = async () => window.location.assign('/inbox/mine');

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
  useAlerts(
    openConversation,
    () => navigate(inboxPath({ view: mineView, status: 'open', channelId: null, conversationId: null })),
    () => navigate(inboxPath({ view: { kind: 'tasks' }, status: 'open', channelId: null, conversationId: null })),
  );
  useRoutingAlerts(openConversation, route.page === 'supervisor' ? null : () => navigate('/supervisor'));
  const offers = useOffers(openMine);
  return <OfferStack offers={offers} />;
}

/** The logged-in page the route names. */
function RoutePage({ route, onHelp }: { route: Route; onHelp(): void }) {
  switch (route.page) {
    case 'inbox':
      return <InboxPage route={route} />;
    case 'supervisor':
      return <SupervisorPage onHelp={onHelp} />;
    case 'channels':
      return <ChannelsPage onHelp={onHelp} />;
    case 'canned':
      return <CannedPage onHelp={onHelp} />;
    case 'macros':
      return <MacrosPage onHelp={onHelp} />;
    case 'exports':
      return <ExportsPage onHelp={onHelp} />;
    case 'knowledge':
      return <KnowledgePage onHelp={onHelp} articleId={route.articleId} />;
    case 'contacts':
      return <ContactsPage onHelp={onHelp} />;
    case 'contact':
      return <ContactPage contactId={route.contactId} onHelp={onHelp} />;
    case 'organisations':
      return <OrganisationsPage onHelp={onHelp} />;
    case 'organisation':
      return <OrganisationPage organisationId={route.organisationId} onHelp={onHelp} />;
    case 'stages':
      return <StagesPage onHelp={onHelp} />;
    case 'attributes':
      return <AttributesPage onHelp={onHelp} />;
    case 'duplicates':
      return <DuplicatesPage onHelp={onHelp} />;
    case 'reports':
      return <ReportsPage onHelp={onHelp} />;
    case 'people':
      return <PeoplePage onHelp={onHelp} />;
    case 'teams':
      return <TeamsPage onHelp={onHelp} />;
    case 'profile':
      return <ProfilePage onHelp={onHelp} />;
    case 'privacy':
      return <PrivacyPage onHelp={onHelp} />;
    case 'webhooks':
      return <WebhooksPage onHelp={onHelp} />;
    case 'surveys':
      return <CsatSettingsPage onHelp={onHelp} />;
    case 'audit':
      return <AuditPage onHelp={onHelp} agentId={route.agentId} contactId={route.contactId} />;
    case 'inbound':
      return <InboundEventsPage onHelp={onHelp} />;
    case 'deliveries':
      return <DeliveriesPage onHelp={onHelp} />;
    case 'login':
    case 'setup':
    case 'account-link':
    case 'help':
    case 'csat':
      return null;
    default:
      return <RoutingSettings page={route.page} onHelp={onHelp} />;
  }
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
      if (err instanceof ApiError && err.status === 401) setBoot(await anonymousBoot());
      else setBoot({ state: 'error', message: errorMessage(err) });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setBoot({ state: 'anonymous', setupNeeded: false }));
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
        setBoot({ state: 'anonymous', setupNeeded: false });
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
        const [me, agents, teams, channels, canned] = await Promise.all([api.me(), api.agents(), api.teams(), api.channels(), api.cannedResponses()]);
        setBoot((b) => (b.state === 'ready' ? { state: 'ready', session: { ...b.session, me, agents: agents.items, teams: teams.items, channels: channels.items, canned: canned.items } } : b));
      },
      logout: async () => {
        await api.logout().catch(() => undefined);
        setBoot({ state: 'anonymous', setupNeeded: false });
      },
    };
  }, [boot]);

  const setupNeeded = boot.state === 'anonymous' && boot.setupNeeded;
  useEffect(() => {
    if (route.page === 'account-link' || route.page === 'help' || route.page === 'csat') return;
    if (boot.state === 'anonymous' && setupNeeded && route.page !== 'setup') navigate('/setup', { replace: true });
    if (boot.state === 'anonymous' && !setupNeeded && route.page !== 'login') navigate('/login', { replace: true });
    if (boot.state === 'ready' && publicPages.includes(route.page)) navigate('/inbox/mine', { replace: true });
  }, [boot.state, setupNeeded, route.page]);

  const enterInbox = useCallback(async () => {
    await start();
    navigate('/inbox/mine', { replace: true });
  }, [start]);
  if (route.page === 'csat') {
    // The customer's page: nothing of the agents' app (session, socket) is needed there.
    return (
      <Suspense fallback={<PageLoading />}>
        <CsatSurveyPage token={route.token} />
      </Suspense>
    );
  }
  if (route.page === 'account-link') {
    return (
      <Suspense fallback={<PageLoading />}>
        <AccountLinkPage purpose={route.purpose} token={route.token} onLoggedIn={enterAfterLink} />
      </Suspense>
    );
  }
  if (route.page === 'help') {
    return (
      <Suspense fallback={<PageLoading />}>
        <HelpPage workspace={route.workspace} slug={route.slug} />
      </Suspense>
    );
  }
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
  if (setupNeeded) {
    return (
      <Suspense fallback={<PageLoading />}>
        <FirstRunPage onLoggedIn={enterInbox} />
      </Suspense>
    );
  }
  if (boot.state === 'anonymous' || !session) return <LoginPage onLoggedIn={start} />;

  return (
    <SessionContext.Provider value={session}>
      <RealtimeContext.Provider value={realtime}>
        <PresenceProvider>
          <Suspense fallback={<PageLoading />}>
            <RoutePage route={route} onHelp={() => setHelp(true)} />
          </Suspense>
          {help && route.page !== 'inbox' && !publicPages.includes(route.page) && <HelpOverlay onClose={() => setHelp(false)} />}
          <LiveLayer route={route} />
        </PresenceProvider>
      </RealtimeContext.Provider>
    </SessionContext.Provider>
  );
}
