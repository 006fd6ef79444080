// The pages besides the inbox (supervisor board, channel admin, contacts, companies, canned responses, routing and SLA
// settings, failed events, people, teams, one's profile, the first run and the page an account
// link opens, surveys and a customer's survey page), each loaded on first visit as its own chunk, so the inbox bundle every agent
// downloads does not carry them.
import { lazy } from 'react';

export const SupervisorPage = lazy(() => import('./supervisor-page.tsx').then((m) => ({ default: m.SupervisorPage })));
export const ChannelsPage = lazy(() => import('./channels-page.tsx').then((m) => ({ default: m.ChannelsPage })));
export const DeliveriesPage = lazy(() => import('./deliveries-page.tsx').then((m) => ({ default: m.DeliveriesPage })));
export const InboundEventsPage = lazy(() => import('./inbound-events-page.tsx').then((m) => ({ default: m.InboundEventsPage })));
export const KnowledgePage = lazy(() => import('../knowledge/knowledge-page.tsx').then((m) => ({ default: m.KnowledgePage })));
export const HelpPage = lazy(() => import('../knowledge/help-page.tsx').then((m) => ({ default: m.HelpPage })));
export const ContactsPage = lazy(() => import('../contacts/contacts-page.tsx').then((m) => ({ default: m.ContactsPage })));
export const ContactPage = lazy(() => import('../contacts/contact-page.tsx').then((m) => ({ default: m.ContactPage })));
export const OrganisationsPage = lazy(() => import('../contacts/organisation-pages.tsx').then((m) => ({ default: m.OrganisationsPage })));
export const OrganisationPage = lazy(() => import('../contacts/organisation-pages.tsx').then((m) => ({ default: m.OrganisationPage })));
export const StagesPage = lazy(() => import('../contacts/stages-page.tsx').then((m) => ({ default: m.StagesPage })));
export const AttributesPage = lazy(() => import('../contacts/attributes-page.tsx').then((m) => ({ default: m.AttributesPage })));
export const ReportsPage = lazy(() => import('../reports/reports-page.tsx').then((m) => ({ default: m.ReportsPage })));
export const CannedPage = lazy(() => import('./canned-page.tsx').then((m) => ({ default: m.CannedPage })));
export const MacrosPage = lazy(() => import('./macros-page.tsx').then((m) => ({ default: m.MacrosPage })));
export const DuplicatesPage = lazy(() => import('./duplicates-page.tsx').then((m) => ({ default: m.DuplicatesPage })));
export const WorkflowPage = lazy(() => import('../routing/workflow-page.tsx').then((m) => ({ default: m.WorkflowPage })));
export const QueuesPage = lazy(() => import('../routing/queues-page.tsx').then((m) => ({ default: m.QueuesPage })));
export const SlaPoliciesPage = lazy(() => import('../sla/policies-page.tsx').then((m) => ({ default: m.SlaPoliciesPage })));
export const CalendarsPage = lazy(() => import('../sla/calendars-page.tsx').then((m) => ({ default: m.CalendarsPage })));
export const StatusesPage = lazy(() => import('../sla/statuses-page.tsx').then((m) => ({ default: m.StatusesPage })));
export const PeoplePage = lazy(() => import('./people-page.tsx').then((m) => ({ default: m.PeoplePage })));
export const TeamsPage = lazy(() => import('./teams-page.tsx').then((m) => ({ default: m.TeamsPage })));
export const ExportsPage = lazy(() => import('./exports-page.tsx').then((m) => ({ default: m.ExportsPage })));
export const PrivacyPage = lazy(() => import('./privacy-page.tsx').then((m) => ({ default: m.PrivacyPage })));
export const WebhooksPage = lazy(() => import('./webhooks-page.tsx').then((m) => ({ default: m.WebhooksPage })));
export const AuditPage = lazy(() => import('./audit-page.tsx').then((m) => ({ default: m.AuditPage })));
export const ProfilePage = lazy(() => import('./profile-page.tsx').then((m) => ({ default: m.ProfilePage })));
export const CsatSettingsPage = lazy(() => import('./csat-settings-page.tsx').then((m) => ({ default: m.CsatSettingsPage })));
export const CsatSurveyPage = lazy(() => import('./csat-survey-page.tsx').then((m) => ({ default: m.CsatSurveyPage })));
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
