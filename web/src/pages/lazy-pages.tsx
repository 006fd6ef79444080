// The pages besides the inbox (supervisor board, channel admin, canned responses, routing and SLA
// settings, failed events, people, teams, one's profile, the first run and the page an account
// link opens), each loaded on first visit as its own chunk, so the inbox bundle every agent
// downloads does not carry them.
import { lazy } from 'react';

export const SupervisorPage = lazy(() => import('./supervisor-page.tsx').then((m) => ({ default: m.SupervisorPage })));
export const ChannelsPage = lazy(() => import('./channels-page.tsx').then((m) => ({ default: m.ChannelsPage })));
export const DeliveriesPage = lazy(() => import('./deliveries-page.tsx').then((m) => ({ default: m.DeliveriesPage })));
export const InboundEventsPage = lazy(() => import('./inbound-events-page.tsx').then((m) => ({ default: m.InboundEventsPage })));
export const ReportsPage = lazy(() => import('../reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
export const CannedPage = lazy(() => import('./canned-page.tsx').then((m) => ({ default: m.CannedPage })));
export const WorkflowPage = lazy(() => import('../routing/workflow-page.tsx').then((m) => ({ default: m.WorkflowPage })));
export const QueuesPage = lazy(() => import('../routing/queues-page.tsx').then((m) => ({ default: m.QueuesPage })));
export const SlaPoliciesPage = lazy(() => import('../sla/policies-page.tsx').then((m) => ({ default: m.SlaPoliciesPage })));
export const CalendarsPage = lazy(() => import('../sla/calendars-page.tsx').then((m) => ({ default: m.CalendarsPage })));
export const StatusesPage = lazy(() => import('../sla/statuses-page.tsx').then((m) => ({ default: m.StatusesPage })));
export const PeoplePage = lazy(() => import('./people-page.tsx').then((m) => ({ default: m.PeoplePage })));
export const TeamsPage = lazy(() => import('./teams-page.tsx').then((m) => ({ default: m.TeamsPage })));
export const PrivacyPage = lazy(() => import('./privacy-page.tsx').then((m) => ({ default: m.PrivacyPage })));
export const AuditPage = lazy(() => import('./audit-page.tsx').then((m) => ({ default: m.AuditPage })));
export const ProfilePage = lazy(() => import('./profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
export const AccountLinkPage = lazy(() => import('./account-link-page.tsx').then((m) => ({ default: m.AccountLinkPage })));
export const FirstRunPage = lazy(() => import('./first-run-page.tsx').then((m) => ({ default: m.FirstRunPage })));

/** Shown while a page's chunk loads (a moment on first visit). */
export function PageLoading() {
  return (
    <div className="splash" role="status">
      Loading…
    </div>
  );
}
