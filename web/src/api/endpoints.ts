// One typed function per API call the inbox makes.
import type { ReplyFile } from '../composer/reply-files.ts';
import { request } from './client.ts';
import type {
  IdentityClaim,
  AdminChannel,
  Agent,
  AgentPresence,
  AssignBody,
  Board,
  CannedResponse,
  CannedResponseCreateBody,
  CannedResponseUpdateBody,
  Channel,
  ChannelCreateBody,
  ChannelKindInfo,
  ChannelPatchBody,
  ContactDetail,
  ContactPatchBody,
  ContactTimelinePage,
  ContactTimelineQuery,
  ConversationDetail,
  ConversationListQuery,
  ConversationPage,
  ConversationPatchBody,
  ConversationStatus,
  ConversationSummary,
  Delivery,
  DeliveryRetryResponse,
  DeliveryState,
  InboundEvent,
  InboundEventListQuery,
  InboundFailuresUnseen,
  InboundRetryBody,
  InboundRetryOneResponse,
  InboundRetryResponse,
  InboundStatus,
  Items,
  LoginBody,
  LoginResponse,
  Me,
  Message,
  NoteBody,
  OfferEvent,
  Presence,
  PresenceBody,
  ReadMarker,
  ReplyBody,
  SearchHit,
  StatusBody,
  Team,
} from './types.ts';

export interface ListParams {
  status: ConversationStatus[];
  assignee: NonNullable<ConversationListQuery['assignee']>;
  teamId?: string;
  channelId?: string;
  cursor?: string;
  limit?: number;
}

function listSearch(p: ListParams): string {
  const q = new URLSearchParams({ status: p.status.join(','), assignee: p.assignee, limit: String(p.limit ?? 30) });
  if (p.teamId) q.set('teamId', p.teamId);
  if (p.channelId) q.set('channelId', p.channelId);
  if (p.cursor) q.set('cursor', p.cursor);
  return q.toString();
}

const enc = encodeURIComponent;

export const api = {
  login: (email: string, password: string) => request<LoginResponse>('POST', '/api/auth/login', { email, password } satisfies LoginBody, { quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout', undefined, { quiet401: true }),
  me: () => request<Me>('GET', '/api/me', undefined, { quiet401: true }),
  agents: () => request<Items<Agent>>('GET', '/api/agents'),
  teams: () => request<Items<Team>>('GET', '/api/teams'),
  channels: () => request<Items<Channel>>('GET', '/api/channels'),
  channelKinds: () => request<Items<ChannelKindInfo>>('GET', '/api/channel-kinds'),
  cannedResponses: () => request<Items<CannedResponse>>('GET', '/api/canned-responses'),
  createCannedResponse: (body: CannedResponseCreateBody) => request<CannedResponse>('POST', '/api/canned-responses', body),
  updateCannedResponse: (id: string, body: CannedResponseUpdateBody) => request<CannedResponse>('PATCH', `/api/canned-responses/${enc(id)}`, body),
  deleteCannedResponse: (id: string) => request<void>('DELETE', `/api/canned-responses/${enc(id)}`),

  channel: (id: string) => request<AdminChannel>('GET', `/api/channels/${enc(id)}`),
  createChannel: (body: ChannelCreateBody) => request<AdminChannel>('POST', '/api/channels', body),
  updateChannel: (id: string, body: ChannelPatchBody) => request<AdminChannel>('PATCH', `/api/channels/${enc(id)}`, body),
  search: (q: string, signal?: AbortSignal) => request<Items<SearchHit>>('GET', `/api/search?q=${encodeURIComponent(q)}&limit=50`, undefined, { signal }),
  listConversations: (p: ListParams, signal?: AbortSignal) => request<ConversationPage>('GET', `/api/conversations?${listSearch(p)}`, undefined, { signal }),
  conversation: (id: string, signal?: AbortSignal) => request<ConversationDetail>('GET', `/api/conversations/${enc(id)}`, undefined, { signal }),
  reply: (id: string, text: string, files: readonly ReplyFile[] = [], template?: { contentSid: string; variables: Record<string, string> }, clientKey?: string) =>
    request<Message>('POST', `/api/conversations/${enc(id)}/messages`, {
      text,
      ...(clientKey ? { clientKey } : {}),
      ...(template ? { template } : {}),
      ...(files.length > 0 ? { attachments: files.map(({ filename, contentType, contentBase64 }) => ({ filename, contentType, contentBase64 })) } : {}),
    } satisfies ReplyBody),
  note: (id: string, text: string) => request<Message>('POST', `/api/conversations/${enc(id)}/notes`, { text } satisfies NoteBody),
  setStatus: (id: string, status: ConversationStatus, snoozedUntil?: string, snoozeReason?: string) =>
    request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/status`, { status, ...(snoozedUntil ? { snoozedUntil } : {}), ...(snoozeReason ? { snoozeReason } : {}) } satisfies StatusBody),
  assign: (id: string, body: AssignBody) => request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/assign`, body),
  updateConversation: (id: string, body: ConversationPatchBody) => request<ConversationSummary>('PATCH', `/api/conversations/${enc(id)}`, body),
  markRead: (id: string) => request<ReadMarker>('POST', `/api/conversations/${enc(id)}/read`),

  board: (signal?: AbortSignal) => request<Board>('GET', '/api/supervisor/board', undefined, { signal }),
  setMyPresence: (presence: Presence) => request<AgentPresence>('POST', '/api/me/presence', { presence } satisfies PresenceBody),
  setAgentPresence: (agentId: string, presence: Presence) => request<Pick<AgentPresence, 'presence'>>('POST', `/api/agents/${enc(agentId)}/presence`, { presence } satisfies PresenceBody),
  myOffers: () => request<Items<OfferEvent>>('GET', '/api/me/offers'),
  acceptOffer: (id: string) => request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/offer/accept`),
  // The routing outcome (who it went to next); the inbox does not read it.
  declineOffer: (id: string) => request<unknown>('POST', `/api/conversations/${enc(id)}/offer/decline`),

  inboundEvents: (status: InboundStatus, signal?: AbortSignal) =>
    request<Items<InboundEvent>>('GET', `/api/inbound-events?${new URLSearchParams({ status, limit: '100' } satisfies Record<keyof InboundEventListQuery, string>)}`, undefined, { signal }),
  inboundEvent: (id: string) => request<InboundEvent>('GET', `/api/inbound-events/${enc(id)}`),
  retryInboundEvent: (id: string) => request<InboundRetryOneResponse>('POST', `/api/inbound-events/${enc(id)}/retry`),
  retryInboundEvents: (ids: string[]) => request<InboundRetryResponse>('POST', '/api/inbound-events/retry', { ids } satisfies InboundRetryBody),
  deliveries: (state: DeliveryState, signal?: AbortSignal) => request<Items<Delivery>>('GET', `/api/deliveries?state=${enc(state)}`, undefined, { signal }),
  retryDelivery: (id: string) => request<DeliveryRetryResponse>('POST', `/api/messages/${enc(id)}/retry`),
  inboundUnseen: () => request<InboundFailuresUnseen>('GET', '/api/inbound-events/unseen'),
  markInboundSeen: () => request<InboundFailuresUnseen>('POST', '/api/inbound-events/seen'),

  contact: (id: string, signal?: AbortSignal) => request<ContactDetail>('GET', `/api/contacts/${enc(id)}?limit=1`, undefined, { signal }),
  contactTimeline: (id: string, q: ContactTimelineQuery, signal?: AbortSignal) => {
    const search = new URLSearchParams({ limit: String(q.limit ?? 20), ...(q.before ? { before: q.before } : {}) });
    return request<ContactTimelinePage>('GET', `/api/contacts/${enc(id)}/timeline?${search}`, undefined, { signal });
  },
  updateContact: (id: string, body: ContactPatchBody) => request<ContactDetail>('PATCH', `/api/contacts/${enc(id)}`, body),
  contactClaims: (id: string, signal?: AbortSignal) => request<IdentityClaim[]>('GET', `/api/contacts/${enc(id)}/claims`, undefined, { signal }),
  sendClaimLink: (contactId: string, claimId: string) => request<{ emailedTo: string }>('POST', `/api/contacts/${enc(contactId)}/claims/${enc(claimId)}/link`),
  verifyClaim: (contactId: string, claimId: string) => request<{ contactId: string; mergedFromId: string | null }>('POST', `/api/contacts/${enc(contactId)}/claims/${enc(claimId)}/verify`),
};

export const attachmentUrl = (id: string) => `/api/attachments/${enc(id)}`;
