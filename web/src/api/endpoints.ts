// One typed function per API call the inbox makes.
import type { ReplyFile } from '../composer/reply-files.ts';
import { request } from './client.ts';
import type {
  AdminChannel,
  Agent,
  AttributeValue,
  Board,
  CannedResponse,
  Channel,
  ChannelKindInfo,
  ContactDetail,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  Me,
  Message,
  OfferEvent,
  Page,
  Presence,
  SearchHit,
  Priority,
  Team,
} from './types.ts';

export interface ListParams {
  status: ConversationStatus[];
  assignee: 'me' | 'unassigned' | 'all';
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
  login: (email: string, password: string) => request<{ agent: { id: string } }>('POST', '/api/auth/login', { email, password }, { quiet401: true }),
  logout: () => request<{ ok: true }>('POST', '/api/auth/logout', undefined, { quiet401: true }),
  me: () => request<Me>('GET', '/api/me', undefined, { quiet401: true }),
  agents: () => request<{ items: Agent[] }>('GET', '/api/agents'),
  teams: () => request<{ items: Team[] }>('GET', '/api/teams'),
  channels: () => request<{ items: Channel[] }>('GET', '/api/channels'),
  channelKinds: () => request<{ items: ChannelKindInfo[] }>('GET', '/api/channel-kinds'),
  cannedResponses: () => request<{ items: CannedResponse[] }>('GET', '/api/canned-responses'),
  createCannedResponse: (body: Omit<CannedResponse, 'id'>) => request<CannedResponse>('POST', '/api/canned-responses', body),
  updateCannedResponse: (id: string, body: Partial<Omit<CannedResponse, 'id'>>) => request<CannedResponse>('PATCH', `/api/canned-responses/${enc(id)}`, body),
  deleteCannedResponse: (id: string) => request<void>('DELETE', `/api/canned-responses/${enc(id)}`),

  channel: (id: string) => request<AdminChannel>('GET', `/api/channels/${enc(id)}`),
  createChannel: (body: { kind: string; name: string; address: string; settings: Record<string, unknown> }) => request<AdminChannel>('POST', '/api/channels', body),
  updateChannel: (id: string, body: { name?: string; active?: boolean; settings?: Record<string, unknown> }) => request<AdminChannel>('PATCH', `/api/channels/${enc(id)}`, body),
  search: (q: string, signal?: AbortSignal) => request<{ items: SearchHit[] }>('GET', `/api/search?q=${encodeURIComponent(q)}&limit=50`, undefined, { signal }),
  listConversations: (p: ListParams, signal?: AbortSignal) => request<Page<ConversationSummary>>('GET', `/api/conversations?${listSearch(p)}`, undefined, { signal }),
  conversation: (id: string, signal?: AbortSignal) => request<ConversationDetail>('GET', `/api/conversations/${enc(id)}`, undefined, { signal }),
  reply: (id: string, text: string, files: readonly ReplyFile[] = [], template?: { contentSid: string; variables: Record<string, string> }) =>
    request<Message>('POST', `/api/conversations/${enc(id)}/messages`, {
      text,
      ...(template ? { template } : {}),
      ...(files.length > 0 ? { attachments: files.map(({ filename, contentType, contentBase64 }) => ({ filename, contentType, contentBase64 })) } : {}),
    }),
  note: (id: string, text: string) => request<Message>('POST', `/api/conversations/${enc(id)}/notes`, { text }),
  setStatus: (id: string, status: ConversationStatus, snoozedUntil?: string) =>
    request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/status`, { status, ...(snoozedUntil ? { snoozedUntil } : {}) }),
  assign: (id: string, body: { assigneeId?: string | null; teamId?: string | null }) => request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/assign`, body),
  updateConversation: (id: string, body: { priority?: Priority; tags?: string[] }) => request<ConversationSummary>('PATCH', `/api/conversations/${enc(id)}`, body),
  markRead: (id: string) => request<{ conversationId: string; lastReadAt: string }>('POST', `/api/conversations/${enc(id)}/read`),

  board: (signal?: AbortSignal) => request<Board>('GET', '/api/supervisor/board', undefined, { signal }),
  setMyPresence: (presence: Presence) => request<{ presence: Presence; presenceChangedAt: string }>('POST', '/api/me/presence', { presence }),
  setAgentPresence: (agentId: string, presence: Presence) => request<{ presence: Presence }>('POST', `/api/agents/${enc(agentId)}/presence`, { presence }),
  myOffers: () => request<{ items: OfferEvent[] }>('GET', '/api/me/offers'),
  acceptOffer: (id: string) => request<ConversationSummary>('POST', `/api/conversations/${enc(id)}/offer/accept`),
  declineOffer: (id: string) => request<unknown>('POST', `/api/conversations/${enc(id)}/offer/decline`),

  contact: (id: string, signal?: AbortSignal) => request<ContactDetail>('GET', `/api/contacts/${enc(id)}?limit=1`, undefined, { signal }),
  updateContact: (id: string, body: { name?: string | null; lifecycleStage?: string | null; tier?: string | null; tags?: string[]; attributes?: Record<string, AttributeValue> }) =>
    request<ContactDetail>('PATCH', `/api/contacts/${enc(id)}`, body),
};

export const attachmentUrl = (id: string) => `/api/attachments/${enc(id)}`;
