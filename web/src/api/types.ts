// The API's JSON shapes as the browser receives them, from the server's own types (src/contract:
// the views' return types, dates as ISO strings). Type-only: nothing of the server is bundled, and
// a field renamed on the server fails this app's type check.
import type * as C from '../../../src/contract/index.ts';

/** A conversation summary; list items (and what the list makes of live summaries) carry `unread`. */
export type ConversationSummary = C.ConversationSummaryResponse & Partial<Pick<C.ConversationListItemResponse, 'unread'>>;
export type ConversationDetail = C.ConversationDetailResponse;
export type ConversationPage = C.ConversationPageResponse;
export type Message = C.MessageResponse;
/** An activity entry of a conversation's timeline (assignment, status, SLA, routing, offer ...). */
export type ConversationEvent = C.ConversationEventResponse;
export type Attachment = Message['attachments'][number];
export type Sla = NonNullable<ConversationSummary['sla']>;
export type SnippetPart = C.SnippetPartResponse;
/** A conversation found by search; `match` is the newest message that has the words, if one does. */
export type SearchHit = C.SearchHitResponse;
export type ReadMarker = C.ReadMarkerResponse;

export type Me = C.MeResponse;
export type Agent = C.AgentResponse;
export type Team = C.TeamResponse;
export type Role = Me['role'];
export type Presence = Me['presence'];
export type AgentPresence = C.AgentPresenceResponse;
/** `agent.presence` over the socket. */
export type PresenceEvent = C.PresenceEventResponse;

export type Channel = C.ChannelResponse;
export type MessageTemplate = C.MessageTemplateResponse;
/** GET /api/channel-kinds: what one kind of channel is, from the server's registry. */
export type ChannelKindInfo = C.ChannelKindResponse;
/** One setting in a channel kind's admin form (a dotted path into the settings object). */
export type SettingField = C.SettingFieldResponse;
/** A kind of channel the server's registry lists; the web app keeps no list of them. */
export type ChannelKind = ChannelKindInfo['kind'];
/** A channel as admins see it: with its settings, secrets shown as RedactedSecret. */
export type AdminChannel = C.AdminChannelResponse;
export type RedactedSecret = C.RedactedSecret;
export type Json = C.Json;
export type JsonObject = C.JsonObject;

export type CannedResponse = C.CannedResponseResponse;
/** Admin → People: a person with role, state, teams and routing profile. */
export type Person = C.PersonResponse;
export type PersonState = C.PersonState;
/** An invite or password-reset link as the admin who made it sees it (the link, whether it was emailed). */
export type AccountLink = C.AccountLinkResponse;
export type InviteResult = C.InviteResponse;
/** What an account link is for (GET /api/account-links/:token), for the page it opens. */
export type AccountLinkInfo = C.AccountLinkInfoResponse;
export type SetupStatus = C.SetupStatusResponse;
export type PasswordChangeResult = C.PasswordChangeResponse;
/** One of my login sessions (My profile → Sessions). */
export type OwnSession = C.OwnSessionsResponse['sessions'][number];
export type OwnSessions = C.OwnSessionsResponse;
export type SessionsEnded = C.SessionsEndedResponse;
export type ContactDetail = C.ContactResponse;
/** GET /api/contacts/:id/claims: what the contact claims to be without proof. */
export type IdentityClaim = C.IdentityClaimsResponse[number];
/** GET /api/contacts/:id/timeline: newest first; `next` is the `before` of the following page. */
export type ContactTimelinePage = C.ContactTimelinePageResponse;
export type ContactTimelineEntry = ContactTimelinePage['items'][number];
export type ContactList = C.ContactListResponse;
export type ContactListRow = ContactList['items'][number];
export type SavedContactView = C.SavedContactViewResponse;
export type LifecycleStage = C.LifecycleStageResponse;
export type AttributeDefinition = C.AttributeDefinitionResponse;
export type Organisation = C.OrganisationResponse;
export type OrganisationDetail = C.OrganisationDetailResponse;
export type AppNotification = C.NotificationResponse;
export type NotificationKind = C.NotificationKind;
/** `conversation.offered` over the socket (to the offered agent only), and GET /api/me/offers. */
export type OfferEvent = C.OfferResponse;

/** Routing and SLA administration. */
export type Queue = C.QueueResponse;
export type Skill = C.SkillResponse;
export type RoutingWorkflow = C.RoutingWorkflowResponse;
export type Workflow = RoutingWorkflow['definition'];
export type WorkflowFilter = Workflow['filters'][number];
export type WorkflowStep = WorkflowFilter['steps'][number];
export type WorkflowConditions = WorkflowFilter['when'];
export type SlaPolicy = C.SlaPolicyResponse;
export type BusinessCalendar = C.CalendarResponse;
export type StatusDefinition = C.StatusResponse;
export type SlaImpact = C.SlaImpactResponse;
export type FieldProblem = C.FieldProblem;
/** GET /api/inbound-events: an event with its channel, what became of it and a payload preview. */
export type InboundEvent = C.InboundEventResponse;
export type InboundStatus = InboundEvent['status'];
export type InboundFailuresUnseen = C.InboundFailuresUnseenResponse;
export type InboundRetryResponse = C.InboundRetryResponse;
export type InboundRetryOneResponse = C.InboundRetryOneResponse;
export type Delivery = C.DeliveryResponse;
export type DeliveryState = NonNullable<C.DeliveryListQuery['state']>;
export type DeliveryRetryResponse = C.DeliveryRetryResponse;
export type ContactExportQuery = C.ContactExportQuery;
export type ConversationExportQuery = C.ConversationExportQuery;

/** GET /api/supervisor/board */
export type Board = C.BoardResponse;
export type BoardQueue = Board['queues'][number];
export type BoardAgent = Board['agents'][number];
export type BoardToday = Board['today'];

export type ConversationStatus = ConversationSummary['status'];
export type Priority = ConversationSummary['priority'];
export type MessageKind = Message['kind'];
export type DeliveryStatus = NonNullable<Message['deliveryStatus']>;
export type AttributeValue = NonNullable<C.ContactPatchBody['attributes']>[string];

export const STATUSES: ConversationStatus[] = ['open', 'pending', 'snoozed', 'resolved'];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
export const PRESENCES: Presence[] = ['online', 'away', 'offline'];

/** Request bodies, as the server's schemas take them. */
export type {
  AcceptLinkBody,
  AssignBody,
  CalendarBody,
  CannedResponseCreateBody,
  CannedResponseUpdateBody,
  ChannelCreateBody,
  ChannelPatchBody,
  AttributeDefinitionBody,
  AttributeDefinitionPatchBody,
  ContactFilters,
  ContactListQuery,
  ContactPatchBody,
  ContactTimelineQuery,
  LifecycleStageBody,
  OrganisationBody,
  OrganisationPatchBody,
  SavedContactViewBody,
  SavedContactViewPatchBody,
  ConversationListQuery,
  InboundEventListQuery,
  InboundRetryBody,
  ConversationPatchBody,
  FirstRunBody,
  InviteBody,
  Items,
  LoginBody,
  LoginResponse,
  LogoutAllBody,
  NoteBody,
  PasswordChangeBody,
  PersonPatchBody,
  PresenceBody,
  QueueCreateBody,
  QueuePatchBody,
  ProfilePatchBody,
  ReplyBody,
  SlaPolicyBody,
  StatusBody,
  StatusCreateBody,
  StatusPatchBody,
  WorkflowBody,
  TeamCreateBody,
  TeamPatchBody,
} from '../../../src/contract/index.ts';

/** The agent socket's events, both ways. */
export type { AgentClientEvents, AgentServerEvents, InboundFailedPayload, JoinAnswer, QueuesChangedPayload, TypingEventPayload } from '../../../src/contract/index.ts';

/** Privacy: a contact's erasure, the retention settings and the audit log. */
export type { AuditEntryResponse as AuditEntry, AuditPageResponse as AuditPage, AuditQuery, EraseBody, EraseResponse as EraseResult, RetentionSettings } from '../../../src/contract/index.ts';

/** Follow-up tasks and macros. */
export type Task = C.TaskResponse;
export type Macro = C.MacroResponse;
export type MacroAction = C.MacroActionBody;
export type MacroActionResult = C.MacroActionResultResponse;
export type ApplyMacroResult = C.ApplyMacroResponse;
export type { MacroApplyBody, MacroCreateBody, MacroUpdateBody, TaskCreateBody, TaskListQuery, TaskUpdateBody } from '../../../src/contract/index.ts';
/** The knowledge base: articles, categories, search hits, and the public help center. */
export type {
  ArticleCreateBody,
  ArticleReviewStep,
  ArticleUpdateBody,
  CategoryCreateBody,
  HelpCenterResponse as HelpCenter,
  HelpSearchHitResponse as HelpSearchHit,
  KnowledgeArticleResponse as KnowledgeArticle,
  KnowledgeArticleState as ArticleState,
  KnowledgeCategoryResponse as KnowledgeCategory,
  KnowledgeHitResponse as KnowledgeHit,
  PublicArticleResponse as PublicArticle,
} from '../../../src/contract/index.ts';

/** Outgoing webhooks: endpoints (the secret only in create and rotate answers) and their delivery log. */
export type {
  WebhookEndpointResponse as WebhookEndpoint,
  WebhookEndpointWithSecretResponse as WebhookEndpointWithSecret,
  WebhookDeliveryResponse as WebhookDelivery,
  WebhookEndpointCreateBody,
  WebhookEndpointList,
  WebhookEndpointUpdateBody,
  WebhookEventType,
} from '../../../src/contract/index.ts';

/** Satisfaction surveys: settings, the list, the public survey page. */
export type {
  CsatActivity,
  CsatAnswerBody,
  CsatPageResponse as CsatPage,
  CsatSettingsBody,
  CsatSettingsResponse as CsatSettings,
  CsatSurveyResponse as CsatSurvey,
  CsatSurveysResponse as CsatSurveys,
} from '../../../src/contract/index.ts';

/** Merging contacts: search, duplicate suggestions, the side-by-side preview, merge history and undo. */
export type {
  ContactBriefResponse as ContactBrief,
  ContactMergeResponse as ContactMerge,
  DuplicateSuggestionResponse as DuplicateSuggestion,
  MergeBody,
  MergePreviewResponse as MergePreview,
  MergeResultResponse as MergeResult,
  UndoneMergeResponse as UndoneMerge,
} from '../../../src/contract/index.ts';
/** GET /api/reports and its settings (thresholds, complaint tags and policies). */
export type Report = C.ReportResponse;
export type ReportSettings = C.ReportSettingsResponse;
export type ReportQuery = C.ReportQuery;
export type ReportSettingsBody = C.ReportSettingsBody;
export type FigureKey = C.FigureKey;
export type Light = C.Light;
