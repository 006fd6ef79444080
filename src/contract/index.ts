// The contract between the server and the web app, in one place: what every HTTP call the web app
// makes returns (`Wire<...>` of the server's views) and takes (`z.input` of the schemas the routes
// validate with), and the agent socket's events both ways. The web app imports it with `import
// type` only (web/src/api/types.ts), so a field renamed on the server fails the web app's type
// check and nothing of the server is bundled.
//
// Keep this module's import graph node-free and small: views and schemas only (they import model
// types from src/db/model-types.ts, never the Prisma client, deps or adapters). The web app's
// tsconfig has no node types, so anything more fails its type check (or drags in @types/node).
import type { z } from 'zod';
import type { AgentPresence, PresenceEvent } from '../domain/agents/presence-view.ts';
import type { AgentView } from '../domain/agents/agent-view.ts';
import type { MeView } from '../domain/agents/me-view.ts';
import type { TeamView } from '../domain/agents/team-view.ts';
import type { LoginView } from '../domain/auth/login-view.ts';
import type { SessionView } from '../domain/auth/session-view.ts';
import type { CannedResponseView } from '../domain/canned/canned-response-view.ts';
import type { MacroView } from '../domain/macros/macro-view.ts';
import type { MacroAction } from '../domain/macros/macro-schema.ts';
import type { ApplyMacroResult, MacroActionResult } from '../domain/macros/apply-macro-result.ts';
import type { TaskView } from '../domain/tasks/task-view.ts';
import type { ArticleHit, ArticleState, ArticleView, CategoryView, HelpCenterView, PublicArticleView } from '../domain/knowledge/article-view.ts';
import type { AdminChannelView, REDACTED } from '../domain/channels/admin-channel-view.ts';
import type { ChannelKindView, SettingField } from '../domain/channels/channel-kind-view.ts';
import type { ChannelView, MessageTemplate } from '../domain/channels/channel-view.ts';
import type { ContactTimeline, ContactTimelinePage } from '../domain/contacts/contact-view.ts';
import type { ContactListFilters, ContactListPage, SavedContactViewView } from '../domain/contacts/contact-list-view.ts';
import type { LifecycleStageView } from '../domain/contacts/lifecycle-stage-view.ts';
import type { AttributeDefinitionView } from '../domain/contacts/attribute-definition-view.ts';
import type { OrganisationDetail, OrganisationView } from '../domain/organisations/organisation-view.ts';
import type {
  attributeDefinitionBody,
  attributeDefinitionPatchBody,
  contactListQuery,
  lifecycleStageBody,
  savedContactViewBody,
  savedContactViewPatchBody,
} from '../http/schemas/contacts.ts';
import type { organisationBody, organisationPatchBody } from '../http/schemas/organisations.ts';
import type { IdentityClaimView, VerifiedClaim } from '../domain/contacts/identity-claim-view.ts';
import type { ContactBrief, ContactMergeView, DuplicateSuggestion, MergePreview, MergeResult, UndoneMerge } from '../domain/contacts/merges/contact-merge-view.ts';
import type { ConversationEventView } from '../domain/conversations/conversation-event-view.ts';
import type { ConversationDetail, ConversationListItem, ConversationPage, ConversationSummary, MessageView, ReadMarker, SearchHit, SnippetPart } from '../domain/conversations/conversation-view.ts';
import type { DeliveryView } from '../domain/messages/delivery-view.ts';
import type { InboundEventView, InboundFailedEvent, InboundFailuresUnseen, RetryResult } from '../domain/inbound/inbound-event-view.ts';
import type { NotificationKind, NotificationView } from '../domain/notifications/notification-view.ts';
import type { Queue, StatusDefinition } from '../db/model-types.ts';
import type { FieldProblem } from '../domain/parse-input.ts';
import type { SupervisorBoard } from '../domain/routing/board-view.ts';
import type { OfferView } from '../domain/routing/offer-view.ts';
import type { SkillView } from '../domain/routing/skill-view.ts';
import type { workflowSchema } from '../domain/routing/workflow-schema.ts';
import type { RoutingWorkflowView } from '../domain/routing/workflow-view.ts';
import type { calendarInputSchema } from '../domain/sla/calendar.ts';
import type { policySchema } from '../domain/sla/policy-schema.ts';
import type { CalendarView, SlaPolicyView } from '../domain/sla/sla-config-view.ts';
import type { SlaImpact } from '../domain/sla/sla-impact-view.ts';
import type { AccountLinkInfo, AccountLinkView } from '../domain/people/account-link-view.ts';
import type { PersonState, PersonView } from '../domain/people/person-view.ts';
import type { loginBody, logoutAllBody } from '../http/schemas/auth.ts';
import type { cannedResponseCreateBody, cannedResponseUpdateBody } from '../http/schemas/canned-responses.ts';
import type { macroApplyBody, macroCreateBody, macroUpdateBody } from '../http/schemas/macros.ts';
import type { taskCreateBody, taskListQuery, taskUpdateBody } from '../http/schemas/tasks.ts';
import type { articleCreateBody, articleReviewBody, articleUpdateBody, categoryCreateBody, categoryUpdateBody, reviewSteps } from '../http/schemas/knowledge.ts';
import type { webhookDeliveriesQuery, webhookEndpointCreateBody, webhookEndpointUpdateBody } from '../http/schemas/webhook-endpoints.ts';
import type { WebhookDeliveryView, WebhookEndpointView, WebhookEndpointWithSecret } from '../domain/outgoing-webhooks/webhook-view.ts';
import type { WebhookEventType } from '../domain/outgoing-webhooks/event-types.ts';
import type { channelFields, channelPatchBody } from '../http/schemas/channels.ts';
import type { contactPatchBody, contactTimelineQuery } from '../http/schemas/contacts.ts';
import type { dismissDuplicateBody, mergeBody } from '../http/schemas/contact-merges.ts';
import type { assignBody, conversationListQuery, conversationPatchBody, replyBody, statusBody, textBody } from '../http/schemas/conversations.ts';
import type { presenceBody } from '../http/schemas/presence.ts';
import type { queueCreateBody, queuePatchBody, statusCreateBody, statusPatchBody } from '../http/schemas/routing.ts';
import type { inboundEventListQuery, inboundEventRetryBody } from '../http/schemas/inbound-events.ts';
import type { deliveryListQuery } from '../http/schemas/deliveries.ts';
import type { contactJsonExportQuery, conversationJsonExportQuery } from '../http/schemas/exports.ts';
import type { acceptLinkBody, firstRunBody, inviteBody, passwordChangeBody, personPatchBody, profilePatchBody, teamCreateBody, teamPatchBody } from '../http/schemas/people.ts';
import type { ClientToServerEvents, ConversationTypingEvent, JoinAnswer, QueuesChangedEvent, ServerToClientEvents } from '../realtime/agent-protocol.ts';
import type { Wire, WireEvents } from './wire.ts';

export type { Json, JsonObject, Wire } from './wire.ts';

// ---- responses ---------------------------------------------------------------------------
export type LoginResponse = Wire<LoginView>;
export type MeResponse = Wire<MeView>;
export type AgentResponse = Wire<AgentView>;
export type TeamResponse = Wire<TeamView>;
export type ChannelResponse = Wire<ChannelView>;
export type MessageTemplateResponse = Wire<MessageTemplate>;
export type ChannelKindResponse = Wire<ChannelKindView>;
export type SettingFieldResponse = Wire<SettingField>;
export type AdminChannelResponse = Wire<AdminChannelView>;
export type WebhookEndpointResponse = Wire<WebhookEndpointView>;
/** POST /api/webhook-endpoints and .../rotate-secret: the only answers that carry the signing secret. */
export type WebhookEndpointWithSecretResponse = Wire<WebhookEndpointWithSecret>;
export type WebhookDeliveryResponse = Wire<WebhookDeliveryView>;
export type { WebhookEventType };
/** Stands in for a stored secret in AdminChannelResponse.settings; sent back, it keeps the secret. */
export type RedactedSecret = typeof REDACTED;
export type CannedResponseResponse = Wire<CannedResponseView>;
export type TaskResponse = Wire<TaskView>;
export type MacroResponse = Wire<MacroView>;
export type MacroActionBody = MacroAction;
export type MacroActionResultResponse = Wire<MacroActionResult>;
export type ApplyMacroResponse = Wire<ApplyMacroResult>;
export type KnowledgeArticleResponse = Wire<ArticleView>;
export type KnowledgeCategoryResponse = Wire<CategoryView>;
export type KnowledgeHitResponse = Wire<ArticleHit>;
export type KnowledgeArticleState = ArticleState;
export type HelpCenterResponse = Wire<HelpCenterView>;
export type HelpSearchHitResponse = Wire<Omit<ArticleHit, 'state'>>;
export type PublicArticleResponse = Wire<PublicArticleView>;
export type ConversationSummaryResponse = Wire<ConversationSummary>;
export type ConversationListItemResponse = Wire<ConversationListItem>;
export type ConversationPageResponse = Wire<ConversationPage>;
export type ConversationDetailResponse = Wire<ConversationDetail>;
export type MessageResponse = Wire<MessageView>;
/** An activity entry of a conversation's timeline (in ConversationDetailResponse.events and `conversation.activity`). */
export type ConversationEventResponse = Wire<ConversationEventView>;
export type SearchHitResponse = Wire<SearchHit>;
export type SnippetPartResponse = Wire<SnippetPart>;
export type ReadMarkerResponse = Wire<ReadMarker>;
export type ContactResponse = Wire<ContactTimeline>;
export type ContactTimelinePageResponse = Wire<ContactTimelinePage>;
/** GET /api/contacts */
export type ContactListResponse = Wire<ContactListPage>;
/** GET/POST/PATCH /api/contact-views */
export type SavedContactViewResponse = Wire<SavedContactViewView>;
/** GET /api/lifecycle-stages and every write to it (the whole list, in order). */
export type LifecycleStageResponse = Wire<LifecycleStageView>;
/** GET /api/attribute-definitions (items), POST and PATCH */
export type AttributeDefinitionResponse = Wire<AttributeDefinitionView>;
/** GET /api/organisations (items), POST and PATCH */
export type OrganisationResponse = Wire<OrganisationView>;
/** GET /api/organisations/:id */
export type OrganisationDetailResponse = Wire<OrganisationDetail>;
/** GET /api/contacts/:id/claims */
export type IdentityClaimsResponse = Wire<IdentityClaimView>[];
/** POST /api/contacts/:id/claims/:claimId/link */
export type ClaimLinkResponse = { emailedTo: string };
/** POST /api/contacts/:id/claims/:claimId/verify */
export type VerifiedClaimResponse = Wire<VerifiedClaim>;
/** GET /api/contact-search?q= ("Merge with..."), in `items`. */
export type ContactBriefResponse = Wire<ContactBrief>;
/** GET /api/contacts/:id/duplicates and GET /api/contact-duplicates, in `items`. */
export type DuplicateSuggestionResponse = Wire<DuplicateSuggestion>;
/** GET /api/contacts/:id/merge-preview?otherId= */
export type MergePreviewResponse = Wire<MergePreview>;
/** POST /api/contacts/:id/merge */
export type MergeResultResponse = Wire<MergeResult>;
/** GET /api/contacts/:id/merges, in `items`. */
export type ContactMergeResponse = Wire<ContactMergeView>;
/** POST /api/contacts/:id/merges/:mergeId/undo */
export type UndoneMergeResponse = Wire<UndoneMerge>;
export type BoardResponse = Wire<SupervisorBoard>;
export type OfferResponse = Wire<OfferView>;
export type NotificationResponse = Wire<NotificationView>;
export type { NotificationKind };
export type AgentPresenceResponse = Wire<AgentPresence>;
export type InboundEventResponse = Wire<InboundEventView>;
export type InboundFailuresUnseenResponse = Wire<InboundFailuresUnseen>;
/** POST /api/inbound-events/retry: per event, queued again or why not. */
export type InboundRetryResponse = { results: Wire<RetryResult>[] };
/** POST /api/inbound-events/:id/retry */
export type InboundRetryOneResponse = Extract<Wire<RetryResult>, { status: 'received' }>;
/** GET /api/deliveries?state=retrying|dead|uncertain (supervisors). */
export type DeliveryResponse = Wire<DeliveryView>;
/** POST /api/messages/:id/retry: the reply is queued again. */
export type DeliveryRetryResponse = { id: string; deliveryStatus: 'queued' };
export type PresenceEventResponse = Wire<PresenceEvent>;
export type QueueResponse = Wire<Queue>;
export type SkillResponse = Wire<SkillView>;
export type RoutingWorkflowResponse = Wire<RoutingWorkflowView>;
export type SlaPolicyResponse = Wire<SlaPolicyView>;
export type CalendarResponse = Wire<CalendarView>;
export type StatusResponse = Wire<StatusDefinition>;
/** POST …/preview: what saving the change would do to conversations under way. */
export type SlaImpactResponse = Wire<SlaImpact>;
/** A 422's `error.details`: each problem at a dotted path into the body sent. */
export type { FieldProblem };
/** Admin → People (GET /api/people, PATCH /api/people/:id ...). */
export type PersonResponse = Wire<PersonView>;
export type { PersonState };
/** An invite or password-reset link as the admin who made it sees it. */
export type AccountLinkResponse = Wire<AccountLinkView>;
/** POST /api/people/invites */
export interface InviteResponse {
  person: PersonResponse;
  link: AccountLinkResponse;
}
/** GET /api/account-links/:token: what the link is for, before a password is chosen. */
export type AccountLinkInfoResponse = Wire<AccountLinkInfo>;
/** GET /api/setup: whether Parley still needs its first workspace (the first-run screen). */
export interface SetupStatusResponse {
  needed: boolean;
}
/** POST /api/me/password */
export interface PasswordChangeResponse {
  sessionsEnded: number;
}
/** GET /api/me/sessions: one's own live sessions, the asking one first (`current`). */
export interface OwnSessionsResponse {
  sessions: Wire<SessionView>[];
}
/** DELETE /api/me/sessions/:id and POST /api/me/sessions/logout-all: how many ended, and whether the asking one did. */
export interface SessionsEndedResponse {
  ended: number;
  current: boolean;
}
/** GET lists answer `{ items }`. */
export interface Items<T> {
  items: T[];
}
/** GET /api/webhook-endpoints: the endpoints and the event types one may subscribe to. */
export interface WebhookEndpointList extends Items<WebhookEndpointResponse> {
  eventTypes: WebhookEventType[];
}

// ---- request bodies and queries ----------------------------------------------------------
/** GET /api/conversations?… (each value as the query string carries it: `status` comma-separated). */
export type ConversationListQuery = z.input<typeof conversationListQuery>;
export type LoginBody = z.input<typeof loginBody>;
export type CannedResponseCreateBody = z.input<typeof cannedResponseCreateBody>;
export type CannedResponseUpdateBody = z.input<typeof cannedResponseUpdateBody>;
export type TaskListQuery = z.input<typeof taskListQuery>;
export type TaskCreateBody = z.input<typeof taskCreateBody>;
export type TaskUpdateBody = z.input<typeof taskUpdateBody>;
export type MacroCreateBody = z.input<typeof macroCreateBody>;
export type MacroUpdateBody = z.input<typeof macroUpdateBody>;
export type MacroApplyBody = z.input<typeof macroApplyBody>;
export type ArticleCreateBody = z.input<typeof articleCreateBody>;
export type ArticleUpdateBody = z.input<typeof articleUpdateBody>;
export type ArticleReviewBody = z.input<typeof articleReviewBody>;
export type ArticleReviewStep = (typeof reviewSteps)[number];
export type CategoryCreateBody = z.input<typeof categoryCreateBody>;
export type CategoryUpdateBody = z.input<typeof categoryUpdateBody>;
export type WebhookEndpointCreateBody = z.input<typeof webhookEndpointCreateBody>;
export type WebhookEndpointUpdateBody = z.input<typeof webhookEndpointUpdateBody>;
export type WebhookDeliveriesQuery = z.input<typeof webhookDeliveriesQuery>;
/** `kind` is one the server's registry lists (GET /api/channel-kinds). */
export type ChannelCreateBody = { kind: ChannelKindView['kind'] } & z.input<z.ZodObject<typeof channelFields>>;
export type ChannelPatchBody = z.input<typeof channelPatchBody>;
export type ReplyBody = z.input<typeof replyBody>;
export type NoteBody = z.input<typeof textBody>;
export type StatusBody = z.input<typeof statusBody>;
export type AssignBody = z.input<typeof assignBody>;
export type ConversationPatchBody = z.input<typeof conversationPatchBody>;
export type ContactPatchBody = z.input<typeof contactPatchBody>;
export type MergeBody = z.input<typeof mergeBody>;
export type DismissDuplicateBody = z.input<typeof dismissDuplicateBody>;
export type ContactTimelineQuery = z.input<typeof contactTimelineQuery>;
export type ContactListQuery = z.input<typeof contactListQuery>;
export type ContactFilters = ContactListFilters;
export type SavedContactViewBody = z.input<typeof savedContactViewBody>;
export type SavedContactViewPatchBody = z.input<typeof savedContactViewPatchBody>;
export type LifecycleStageBody = z.input<typeof lifecycleStageBody>;
export type AttributeDefinitionBody = z.input<typeof attributeDefinitionBody>;
export type AttributeDefinitionPatchBody = z.input<typeof attributeDefinitionPatchBody>;
export type OrganisationBody = z.input<typeof organisationBody>;
export type OrganisationPatchBody = z.input<typeof organisationPatchBody>;
export type PresenceBody = z.input<typeof presenceBody>;
export type WorkflowBody = z.input<typeof workflowSchema>;
export type QueueCreateBody = z.input<typeof queueCreateBody>;
export type QueuePatchBody = z.input<typeof queuePatchBody>;
export type SlaPolicyBody = z.input<typeof policySchema>;
export type CalendarBody = z.input<typeof calendarInputSchema>;
export type StatusCreateBody = z.input<typeof statusCreateBody>;
export type StatusPatchBody = z.input<typeof statusPatchBody>;
export type InboundEventListQuery = z.input<typeof inboundEventListQuery>;
export type InboundRetryBody = z.input<typeof inboundEventRetryBody>;
export type DeliveryListQuery = z.input<typeof deliveryListQuery>;
/** GET /api/exports/contacts.(csv|json)?… (`format` on .json only). */
export type ContactExportQuery = z.input<typeof contactJsonExportQuery>;
/** GET /api/exports/conversations.(csv|json)?… (`status` comma-separated; `format` on .json only). */
export type ConversationExportQuery = z.input<typeof conversationJsonExportQuery>;
export type InviteBody = z.input<typeof inviteBody>;
export type PersonPatchBody = z.input<typeof personPatchBody>;
export type TeamCreateBody = z.input<typeof teamCreateBody>;
export type TeamPatchBody = z.input<typeof teamPatchBody>;
export type ProfilePatchBody = z.input<typeof profilePatchBody>;
export type PasswordChangeBody = z.input<typeof passwordChangeBody>;
export type LogoutAllBody = z.input<typeof logoutAllBody>;
export type AcceptLinkBody = z.input<typeof acceptLinkBody>;
export type FirstRunBody = z.input<typeof firstRunBody>;

// ---- the agent socket --------------------------------------------------------------------
/** What the browser hears, as it receives it. */
export type AgentServerEvents = WireEvents<ServerToClientEvents>;
/** What the browser sends. */
export type AgentClientEvents = ClientToServerEvents;
export type TypingEventPayload = Wire<ConversationTypingEvent>;
export type QueuesChangedPayload = Wire<QueuesChangedEvent>;
export type InboundFailedPayload = Wire<InboundFailedEvent>;
export type { JoinAnswer };

// ---- privacy: export, erasure, retention, audit log --------------------------------------
import type { AuditEntryView, AuditPage } from '../domain/audit/audit-view.ts';
import type { EraseResult } from '../domain/privacy/privacy-view.ts';
import type { auditQuery, eraseBody, retentionBody } from '../http/schemas/privacy.ts';
export type AuditEntryResponse = Wire<AuditEntryView>;
export type AuditPageResponse = Wire<AuditPage>;
export type EraseResponse = Wire<EraseResult>;
export type EraseBody = z.input<typeof eraseBody>;
export type RetentionSettings = z.input<typeof retentionBody>;
export type AuditQuery = z.input<typeof auditQuery>;

// ---- satisfaction surveys (CSAT) ----------------------------------------------------------
import type { CsatPageView, CsatSettingsView, CsatSurveyView } from '../domain/csat/csat-view.ts';
import type { CsatActivity } from '../domain/conversations/conversation-event-view.ts';
import type { csatAnswerBody, csatSettingsBody, csatSurveysQuery } from '../http/schemas/csat.ts';
export type CsatSurveyResponse = Wire<CsatSurveyView>;
export type CsatSurveysResponse = { items: CsatSurveyResponse[]; nextCursor: string | null };
export type CsatSettingsResponse = Wire<CsatSettingsView>;
export type CsatPageResponse = Wire<CsatPageView>;
export type CsatSettingsBody = z.input<typeof csatSettingsBody>;
export type CsatAnswerBody = z.input<typeof csatAnswerBody>;
export type CsatSurveysQuery = z.input<typeof csatSurveysQuery>;
export type { CsatActivity };
// ---- reports -----------------------------------------------------------------------------
import type { ReportView } from '../domain/reports/report-view.ts';
import type { ReportSettingsView } from '../domain/reports/report-settings-view.ts';
import type { reportQuery, reportSettingsBody } from '../http/schemas/reports.ts';
export type { FigureKey, Light } from '../domain/reports/thresholds.ts';
/** GET /api/reports?from=&to=&bucket=&repeatDays=&calendarId= */
export type ReportResponse = Wire<ReportView>;
/** GET / PUT /api/reports/settings */
export type ReportSettingsResponse = Wire<ReportSettingsView>;
export type ReportQuery = z.input<typeof reportQuery>;
export type ReportSettingsBody = z.input<typeof reportSettingsBody>;
