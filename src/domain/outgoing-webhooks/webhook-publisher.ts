// Where conversation and message events meet outgoing webhooks: every realtime event is published
// once its change committed, so wrapping the publisher turns each into webhook deliveries in one
// place (API and workers alike), with the payload agents' screens receive. Notes stay internal.
import type { Deps } from '../../deps.ts';
import type { ConversationAudience, RealtimeEventName, RealtimePublisher } from '../../realtime/events.ts';
import type { ServerToClientEvents } from '../../realtime/agent-protocol.ts';
import type { WebhookEventType } from './event-types.ts';
import { emitWebhookEvent } from './record-webhook-event.ts';
import { subscribedTypes } from './subscriptions.ts';

type Payload<E extends RealtimeEventName> = Parameters<ServerToClientEvents[E]>[0];

/** The webhook event a realtime event stands for, if any. */
export function webhookEventOf<E extends RealtimeEventName>(name: E, payload: Payload<E>): { type: WebhookEventType; data: unknown } | null {
  switch (name) {
    case 'conversation.created':
    case 'conversation.updated':
    case 'conversation.assigned':
      return { type: name, data: { conversation: payload } };
    case 'message.created': {
      const message = payload as Payload<'message.created'>;
      return message.kind === 'note' ? null : { type: 'message.created', data: { message } };
    }
    case 'conversation.activity': {
      const entry = payload as Payload<'conversation.activity'>;
      return entry.kind === 'status' ? { type: 'conversation.status_changed', data: { conversationId: entry.conversationId, change: entry.data, actor: entry.actor, at: entry.createdAt } } : null;
    }
    default:
      return null;
  }
}

export function withOutgoingWebhooks(inner: RealtimePublisher, deps: Pick<Deps, 'db' | 'queues' | 'log' | 'clock'>): RealtimePublisher {
  return {
    publish(name, audience: ConversationAudience, ...payload) {
      inner.publish(name, audience, ...payload);
      const event = webhookEventOf(name, payload[0]);
      if (!event) return;
      // Like the realtime event itself, never in the caller's way; a failure is logged with what was lost.
      const at = deps.clock.now();
      subscribedTypes(deps.db, audience.workspaceId)
        .then((types) => (types.has(event.type) ? emitWebhookEvent(deps, { workspaceId: audience.workspaceId, type: event.type, data: event.data, at }) : undefined))
        .catch((err: unknown) => deps.log.error({ err, event: event.type, conversationId: audience.conversationId }, 'webhook event not recorded'));
    },
    publishToAgent: (...args) => inner.publishToAgent(...args),
    publishToSupervisors: (...args) => inner.publishToSupervisors(...args),
    disconnectAgent: (id) => inner.disconnectAgent(id),
  };
}
