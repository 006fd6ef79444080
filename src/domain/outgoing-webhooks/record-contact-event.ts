// Contact events for outgoing webhooks, written in the transaction of the change (the outbox):
// they commit with it or not at all. The sweep queues their POSTs within WEBHOOK_SWEEP_SECONDS,
// or the caller does at once with dispatchWebhookDeliveries once the transaction committed.
import type { Contact, Tx } from '../../db/client.ts';
import { recordWebhookEvent } from './record-webhook-event.ts';

/** A contact as receivers get it: its own fields, no identities or history. */
export function toWebhookContact(c: Contact) {
  return { id: c.id, name: c.name, email: c.email, phone: c.phone, tier: c.tier, lifecycleStage: c.lifecycleStage, tags: c.tags, attributes: c.attributes, mergedIntoId: c.mergedIntoId, createdAt: c.createdAt.toISOString() };
}

export async function recordContactEvent(tx: Tx, input: { type: 'contact.created' | 'contact.updated' | 'contact.merged'; contact: Contact; at: Date; extra?: Record<string, unknown> }): Promise<string[]> {
  return recordWebhookEvent(tx, { workspaceId: input.contact.workspaceId, type: input.type, data: { contact: toWebhookContact(input.contact), ...input.extra }, at: input.at });
}
