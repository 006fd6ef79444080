// A conversation summary for web unit tests: every field the server sends (src/contract), set to
// a plain open email conversation; tests override what they are about.
import type { ConversationSummary } from '../../src/api/types.ts';

export function conversationSummary(id: string, patch: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id,
    number: 1,
    status: 'open',
    statusKey: 'open',
    priority: 'normal',
    tags: [],
    subject: id,
    channel: { id: 'ch', kind: 'email', name: 'Help', address: 'help@x.test' },
    contact: { id: 'c', name: 'C', email: null, phone: null },
    assignee: null,
    team: null,
    messageCount: 1,
    lastMessageAt: '2026-03-02T10:00:00.000Z',
    lastInboundAt: null,
    waitingSince: null,
    firstResponseAt: null,
    snoozedUntil: null,
    snoozeReason: null,
    resolvedAt: null,
    createdAt: '2026-03-02T09:00:00.000Z',
    lastMessage: null,
    queue: null,
    routingStep: null,
    queuedAt: null,
    offeredAgentId: null,
    offerExpiresAt: null,
    sla: null,
    ...patch,
  };
}
