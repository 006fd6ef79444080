// The events an outgoing webhook can subscribe to. Node-free (src/contract, the web app's form).
export const webhookEventTypes = [
  'message.created',
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'conversation.assigned',
  'contact.created',
  'contact.updated',
  'contact.merged',
] as const;

export type WebhookEventType = (typeof webhookEventTypes)[number];

/** What "Send test event" sends; never subscribed to, only sent on request. */
export const TEST_EVENT_TYPE = 'webhook.test';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed';
