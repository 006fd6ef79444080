// The app shell: finds out who is logged in, loads the workspace directory, connects the socket,
// and shows the login page, the inbox or the supervisor board. Any 401 returns to login.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, errorMessage, setUnauthorizedHandler } from './api/client.ts';
import { api } from './api/endpoints.ts';
import { InboxPage } from './inbox/inbox-page.tsx';
import { unlockAudio } from './inbox/notify.ts';
import { LoginPage } from './pages/login-page.tsx';
import { SupervisorPage } from './pages/supervisor-page.tsx';
import { RealtimeContext, useRealtimeConnection } from './realtime/socket.tsx';
import { navigate, useRoute } from './router.ts';
import { SessionContext, type Session } from './state/session.tsx';
import { HelpOverlay } from './ui/help-overlay.tsx';

type Boot = { state: 'loading' } | { state: 'anonymous' } | { state: 'error'; message: string } | { state: 'ready'; session: Omit<Session, 'logout'> };

async function loadSession(): Promise<Omit<Session, 'logout'>> {
  const me = await api.me();
  const [agents, teams, channels, canned] = await Promise.all([api.agents(), api.teams(), api.channels(), api.cannedResponses()]);
  return { me, agents: agents.items, teams: teams.items, channels: channels.items, canned: canned.items };
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
        {route.page === 'supervisor' ? <SupervisorPage onHelp={() => setHelp(true)} /> : route.page === 'inbox' ? <InboxPage route={route} /> : null}
        {help && route.page === 'supervisor' && <HelpOverlay onClose={() => setHelp(false)} />}
      </RealtimeContext.Provider>
    </SessionContext.Provider>
  );
}
