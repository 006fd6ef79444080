// The API calls of outgoing webhooks: endpoints, their delivery log, replay and test events.
import { request } from './client.ts';
import type { Items, WebhookDelivery, WebhookEndpoint, WebhookEndpointCreateBody, WebhookEndpointList, WebhookEndpointUpdateBody, WebhookEndpointWithSecret } from './types.ts';

const enc = encodeURIComponent;

export const webhookApi = {
  endpoints: () => request<WebhookEndpointList>('GET', '/api/webhook-endpoints'),
  create: (body: WebhookEndpointCreateBody) => request<WebhookEndpointWithSecret>('POST', '/api/webhook-endpoints', body),
  update: (id: string, body: WebhookEndpointUpdateBody) => request<WebhookEndpoint>('PATCH', `/api/webhook-endpoints/${enc(id)}`, body),
  remove: (id: string) => request<void>('DELETE', `/api/webhook-endpoints/${enc(id)}`),
  rotateSecret: (id: string) => request<WebhookEndpointWithSecret>('POST', `/api/webhook-endpoints/${enc(id)}/rotate-secret`),
  sendTest: (id: string) => request<WebhookDelivery>('POST', `/api/webhook-endpoints/${enc(id)}/test`),
  deliveries: (id: string) => request<Items<WebhookDelivery>>('GET', `/api/webhook-endpoints/${enc(id)}/deliveries?limit=50`),
  replay: (deliveryId: string) => request<WebhookDelivery>('POST', `/api/webhook-deliveries/${enc(deliveryId)}/replay`),
};
