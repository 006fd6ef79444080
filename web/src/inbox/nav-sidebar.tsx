// The left column: inbox views, the supervisor board and admin pages, and the agent's own corner
// (status, desktop notifications, shortcuts, their profile, log out). Wide screens show it whole; tablets a rail
// of icons (each entry keeps its name for assistive tech and as a tooltip); phones a top bar whose
// menu button opens it as a drawer.
import { useEffect, useState, type ReactNode } from 'react';
import { PresenceSwitch } from '../presence/presence-switch.tsx';
import { useRealtime } from '../realtime/socket.tsx';
import { inboxPath, navigate, type InboxView, type RoutingPage } from '../router.ts';
import { isAdmin, isSupervisor, useSession } from '../state/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Glyph, type GlyphName } from '../ui/glyph.tsx';
import { useDesktopNotifications } from './notify.ts';
import { InboundBadge } from './inbound-badge.tsx';

/** The pages outside the inbox the nav links to. */
export type NavPage = 'supervisor' | 'channels' | 'canned' | 'macros' | 'exports' | 'knowledge' | 'contacts' | 'organisations' | 'stages' | 'attributes' | 'duplicates' | 'reports' | 'inbound' | 'deliveries' | 'people' | 'teams' | 'profile' | 'privacy' | 'webhooks' | 'surveys' | RoutingPage;
export type NavActive = InboxView | NavPage;

interface Props {
  active: NavActive;
  onHelp(): void;
}

function sameView(a: NavActive, b: NavActive): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.kind === b.kind && (a.kind !== 'team' || (b.kind === 'team' && a.teamId === b.teamId));
}

/** An entry's picture: a glyph, or (a team) its initials. */
function EntryIcon({ icon }: { icon: GlyphName | { initials: string } }) {
  if (typeof icon === 'string') return <Glyph name={icon} />;
  return (
    <span className="nav-initials" aria-hidden="true">
      {icon.initials}
    </span>
  );
}

function NavLink(p: { href: string; current: boolean; label: string; icon: GlyphName | { initials: string }; badge?: ReactNode; onGo(): void }) {
  return (
    <li>
      <a
        href={p.href}
        className={p.current ? 'nav-item nav-active' : 'nav-item'}
        aria-current={p.current ? 'page' : undefined}
        title={p.label}
        onClick={(e) => {
          e.preventDefault();
          p.onGo();
          navigate(p.href);
        }}
      >
        <EntryIcon icon={p.icon} />
        <span className="nav-label">{p.label}</span>
        {p.badge}
      </a>
    </li>
  );
}

/** Phones: the drawer is open; Escape closes it. */
function useDrawer() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  return { open, toggle: () => setOpen((v) => !v), close: () => setOpen(false) };
}

const initialsOf = (name: string) => name.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0]!.toUpperCase()).join('') || '?';

export function NavSidebar({ active, onHelp }: Props) {
  const { me, teams, logout } = useSession();
  const { state } = useRealtime();
  const notifications = useDesktopNotifications();
  const drawer = useDrawer();
  const myTeams = teams.filter((t) => me.teamIds.includes(t.id));

  const item = (view: InboxView, label: string, icon: GlyphName | { initials: string }, key: string) => (
    <NavLink key={key} href={inboxPath({ view, status: 'open', channelId: null, conversationId: null })} current={sameView(active, view)} label={label} icon={icon} onGo={drawer.close} />
  );
  const page = (path: string, key: NavPage, label: string, icon: GlyphName = 'page', badge?: ReactNode) => (
    <NavLink key={key} href={path} current={active === key} label={label} icon={icon} badge={badge} onGo={drawer.close} />
  );
  const section = (label: string, children: ReactNode) => (
    <>
      <div className="nav-section">{label}</div>
      <ul className="nav-list">{children}</ul>
    </>
  );
  const offline = state !== 'connected' ? (state === 'connecting' ? 'Connecting…' : 'Offline: reconnecting…') : null;

  return (
    <>
      <header className="topbar">
        <button type="button" className="icon-button topbar-menu" aria-label="Menu" aria-expanded={drawer.open} aria-controls="app-nav" onClick={drawer.toggle}>
          <Glyph name="menu" size={20} />
        </button>
        <span className="brand topbar-brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Parley
        </span>
        {offline && <span className="connection-dot" title={offline} />}
      </header>
      {drawer.open && <div className="nav-scrim" aria-hidden="true" onClick={drawer.close} />}
      <nav id="app-nav" className="nav-column" aria-label="Views" data-open={drawer.open}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span className="nav-label">Parley</span>
        </div>
        {section('Inbox', [item({ kind: 'mine' }, 'Mine', 'mine', 'mine'), item({ kind: 'unassigned' }, 'Unassigned', 'unassigned', 'unassigned'), item({ kind: 'all' }, 'All', 'all', 'all'), item({ kind: 'tasks' }, 'My tasks', 'tasks', 'tasks')])}
        {section('Customers', [page('/contacts', 'contacts', 'Contacts', 'team'), page('/organisations', 'organisations', 'Companies', 'company')])}
        {myTeams.length > 0 && section(myTeams.length === 1 ? 'My team' : 'My teams', myTeams.map((t) => item({ kind: 'team', teamId: t.id }, t.name, { initials: initialsOf(t.name) }, t.id)))}
        {isSupervisor(me) && section('Supervise', [page('/supervisor', 'supervisor', 'Supervisor board', 'supervisor'), page('/reports', 'reports', 'Reports', 'page'), page('/canned-responses', 'canned', 'Canned responses', 'canned'), page('/macros', 'macros', 'Macros', 'macro'), page('/duplicates', 'duplicates', 'Duplicates', 'page'), page('/inbound-events', 'inbound', 'Failed events', 'page', <InboundBadge looking={active === 'inbound'} />), page('/deliveries', 'deliveries', 'Deliveries', 'page'), page('/exports', 'exports', 'Exports', 'page')])}
        {section('Help center', [page('/knowledge', 'knowledge', 'Knowledge', 'page')])}
        {isAdmin(me) &&
          section('Admin', [
            page('/admin/channels', 'channels', 'Channels', 'channels'),
            page('/admin/people', 'people', 'People'),
            page('/admin/teams', 'teams', 'Teams'),
            page('/admin/routing', 'routing', 'Routing workflow'),
            page('/admin/routing-queues', 'queues', 'Queues'),
            page('/admin/sla', 'sla', 'SLA policies'),
            page('/admin/calendars', 'calendars', 'Business hours'),
            page('/admin/statuses', 'statuses', 'Statuses'),
            page('/admin/lifecycle-stages', 'stages', 'Lifecycle stages'),
            page('/admin/contact-attributes', 'attributes', 'Contact attributes'),
            page('/admin/privacy', 'privacy', 'Privacy'),
            page('/admin/webhooks', 'webhooks', 'Webhooks'),
            page('/admin/surveys', 'surveys', 'Surveys'),
          ])}
        <div className="nav-footer">
          {offline && (
            <div className="connection" role="status" title={offline}>
              <span className="connection-dot" /> <span className="nav-label">{offline}</span>
            </div>
          )}
          {notifications.permission === 'default' && (
            <button type="button" className="nav-button" title="Enable desktop alerts" onClick={notifications.request}>
              <Glyph name="bell" size={16} /> <span className="nav-label">Enable desktop alerts</span>
            </button>
          )}
          {isAdmin(me) && (
            <a className="nav-button" href="/api-reference" target="_blank" rel="noopener" title="The REST API, with Try it out">
              <span className="nav-label">API reference</span>
            </a>
          )}
          {isAdmin(me) && (
            <a className="nav-button" href="/admin/queues" target="_blank" rel="noopener" title="Background jobs: waiting, running, failed; retry or clean">
              <span className="nav-label">Background jobs</span>
            </a>
          )}
          <button type="button" className="nav-button" title="Keyboard shortcuts" onClick={onHelp}>
            <span className="nav-label">Keyboard shortcuts</span> <kbd>?</kbd>
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
                drawer.close();
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
    </>
  );
}
