// The hub's side of website visitors' sessions (channels/types.ts VisitorDesk) for the chat
// widget's listener: tokens, their own history, availability and queue place, typing shown to the
// agents on their conversation, and rate limits in Redis shared by every node.
import type { ChannelConfig, VisitorDesk } from '../../channels/types.ts';
import type { Server } from 'socket.io';
import type { Deps } from '../deps.ts';
import { chatAvailability } from '../domain/visitors/chat-availability.ts';
import { visitorConversation } from '../domain/visitors/visitor-conversation.ts';
import { visitorHistory } from '../domain/visitors/visitor-history.ts';
import { authenticateVisitor, createVisitor } from '../domain/visitors/visitor-sessions.ts';
import { waitingEstimate } from '../domain/visitors/waiting-estimate.ts';
import { shutOutNonViewers } from './agent-rooms.ts';
import { rooms } from './events.ts';
import type { RateLimiter } from './visitor-rate-limit.ts';

/** `publicUrl`: where customers reach Parley (PUBLIC_URL), for survey links in the history. */
export function createVisitorDesk(deps: Pick<Deps, 'db' | 'clock' | 'log'>, input: { io: Server; limiter: RateLimiter; publicUrl: string }): VisitorDesk {
  const { db } = deps;
  const agents = input.io.of('/');
  const conversationOf = (channel: ChannelConfig, visitorId: string) =>
    visitorConversation(db, { workspaceId: channel.workspaceId, channelId: channel.id, channelKind: channel.kind, visitorId });
  return {
    async authenticate(channel, token) {
      const visitor = await authenticateVisitor(db, { channelId: channel.id, token, now: deps.clock.now() });
      return visitor ? { visitorId: visitor.id } : null;
    },
    async create(channel) {
      const created = await createVisitor(db, { workspaceId: channel.workspaceId, channelId: channel.id, now: deps.clock.now() });
      return { visitorId: created.visitor.id, token: created.token };
    },
    history: (channel, visitorId, limit) => visitorHistory(db, { channelId: channel.id, visitorId, limit, publicUrl: input.publicUrl, now: deps.clock.now() }),
    async status(channel, visitorId, opts) {
      const now = deps.clock.now();
      const availability = await chatAvailability(deps, { workspaceId: channel.workspaceId, calendarName: opts.calendarName, requireOnlineAgent: opts.requireOnlineAgent, now });
      const conv = await conversationOf(channel, visitorId);
      const waiting = conv ? await waitingEstimate(deps, { conversationId: conv.id, now }) : null;
      return {
        available: availability.available,
        reason: availability.available ? null : availability.reason,
        conversation: conv ? { status: conv.status, assigned: conv.assigneeId !== null } : null,
        waiting,
      };
    },
    async relayTyping(channel, visitorId, typing) {
      const conv = await conversationOf(channel, visitorId);
      if (!conv) return;
      shutOutNonViewers(agents, conv);
      agents.to(rooms.conversation(conv.id)).emit('conversation.typing', { conversationId: conv.id, typing, by: { type: 'contact' } });
    },
    take: (key, rule) => input.limiter.take(key, rule),
  };
}
