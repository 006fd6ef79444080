// The left column: inbox views, the supervisor board and admin pages, and the agent's own corner
// (status, desktop notifications, shortcuts, their profile, log out).
import type { ReactNode } from 'react';
import { PresenceSwitch } from '../presence/presence-switch.tsx';
import { useRealtime } from '../realtime/socket.tsx';
import { inboxPath, navigate, type InboxView } from '../router.ts';
import { isAdmin, isSupervisor, useSession } from '../state/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { useDesktopNotifications } from './notify.ts';

/** The pages besides the inbox views that the column links to. */
export type NavPage = 'supervisor' | 'channels' | 'canned' | 'people' | 'teams' | 'profile';

type Active = InboxView | NavPage;

interface Props {
  active: Active;
  onHelp(): void;
}

function sameView(a: Active, b: Active): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.kind === b.kind && (a.kind !== 'team' || (b.kind === 'team' && a.teamId === b.teamId));
}

export function NavSidebar({ active, onHelp }: Props) {
  const { me, teams, logout } = useSession();
  const { state } = useRealtime();
  const notifications = useDesktopNotifications();
  const myTeams = teams.filter((t) => me.teamIds.includes(t.id));

  const item = (view: InboxView, label: ReactNode, key: string) => (
    <li key={key}>
      <a
        href={inboxPath({ view, status: 'open', channelId: null, conversationId: null })}
        className={sameView(active, view) ? 'nav-item nav-active' : 'nav-item'}
        aria-current={sameView(active, view) ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(inboxPath({ view, status: 'open', channelId: null, conversationId: null }));
        }}
      >
        {label}
      </a>
    </li>
  );

  const page = (path: string, key: NavPage, label: string) => (
    <li>
      <a
        href={path}
        className={active === key ? 'nav-item nav-active' : 'nav-item'}
        aria-current={active === key ? 'page' : undefined}
        onClick={(e) => {
          e.preventDefault();
          navigate(path);
        }}
      >
        {label}
      </a>
    </li>
  );

  return (
    <nav className="nav-column" aria-label="Views">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          P
        </span>
        Parley
      </div>
      <div className="nav-section">Inbox</div>
      <ul className="nav-list">
        {item({ kind: 'mine' }, 'Mine', 'mine')}
        {item({ kind: 'unassigned' }, 'Unassigned', 'unassigned')}
        {item({ kind: 'all' }, 'All', 'all')}
      </ul>
      {myTeams.length > 0 && (
        <>
          <div className="nav-section">{myTeams.length === 1 ? 'My team' : 'My teams'}</div>
          <ul className="nav-list">{myTeams.map((t) => item({ kind: 'team', teamId: t.id }, t.name, t.id))}</ul>
        </>
      )}
      {isSupervisor(me) && (
        <>
          <div className="nav-section">Supervise</div>
          <ul className="nav-list">
            {page('/supervisor', 'supervisor', 'Supervisor board')}
            {page('/canned-responses', 'canned', 'Canned responses')}
          </ul>
        </>
      )}
      {isAdmin(me) && (
        <>
          <div className="nav-section">Admin</div>
          <ul className="nav-list">
            {page('/admin/channels', 'channels', 'Channels')}
            {page('/admin/people', 'people', 'People')}
            {page('/admin/teams', 'teams', 'Teams')}
          </ul>
        </>
      )}
      <div className="nav-footer">
        {state !== 'connected' && (
          <div className="connection" role="status">
            <span className="connection-dot" /> {state === 'connecting' ? 'Connecting…' : 'Offline: reconnecting…'}
          </div>
        )}
        {notifications.permission === 'default' && (
          <button type="button" className="nav-button" onClick={notifications.request}>
            Enable desktop alerts
          </button>
        )}
        <button type="button" className="nav-button" onClick={onHelp}>
          Keyboard shortcuts <kbd>?</kbd>
        </button>
        <PresenceSwitch />
        <div className="me">
          <Avatar name={me.name} size={26} />
          <a
            href="/profile"
            className={active === 'profile' ? 'me-text nav-active' : 'me-text'}
            title="My profile"
            aria-label={`My profile (${me.name})`}
            aria-current={active === 'profile' ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              navigate('/profile');
            }}
          >
            <div className="me-name">{me.name}</div>
            <div className="me-role">{me.role}</div>
          </a>
          <button type="button" className="icon-button logout" title="Log out" aria-label="Log out" onClick={() => void logout()}>
            <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
              <path d="M15 4h4v16h-4 M10 8l-4 4 4 4 M6 12h10" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </button>
        </div>
      </div>
    </nav>
  );
}
