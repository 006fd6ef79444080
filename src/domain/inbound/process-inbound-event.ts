// The ingest worker's one domain call: normalise a stored InboundEvent through its channel
// adapter and record it. A payload the adapter cannot parse is kept, marked failed with the reason.
import { ParseError, type ChannelConfig } from '../../../channels/types.ts';
import type { Channel } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { resolveContactIdentity } from '../contacts/resolve-contact-identity.ts';
import { publishConversation, publishMessage } from '../conversations/publish-conversation.ts';
import { recordInbound, UnsupportedInboundKind, type RecordOutcome } from './record-inbound.ts';
import { storeAttachments } from './store-attachments.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import { requestRouting } from '../routing/dispatch-waiting.ts';

export type IngestOutcome = RecordOutcome | { status: 'failed'; error: string } | { status: 'skipped'; reason: string };

export function toChannelConfig(channel: Channel): ChannelConfig {
  return { id: channel.id, workspaceId: channel.workspaceId, kind: channel.kind, address: channel.address, settings: channel.settings };
}

export async function processInboundEvent(deps: Deps, inboundEventId: string): Promise<IngestOutcome> {
  const { db } = deps;
  const event = await db.inboundEvent.findUnique({ where: { id: inboundEventId }, include: { channel: true } });
  if (!event) return { status: 'skipped', reason: 'no such inbound event' };
  if (event.status !== 'received') return { status: 'skipped', reason: `already ${event.status}` };
  await db.inboundEvent.update({ where: { id: event.id }, data: { attempts: { increment: 1 } } });

  const adapter = deps.adapterFor(event.channel.kind);
  const now = deps.clock.now();
  let normalized;
  try {
    normalized = await adapter.normalize(event.raw ? Buffer.from(event.raw) : event.payload, toChannelConfig(event.channel));
  } catch (err) {
    if (err instanceof ParseError) return markFailed(deps, event.id, err.message);
    throw err;
  }
  if (normalized.from.address === event.channel.address.toLowerCase()) {
    return markIgnored(deps, event.id, 'sent by this channel itself (mail loop guard)');
  }
  const { contact } = await resolveContactIdentity(db, {
    workspaceId: event.workspaceId,
    channelKind: event.channel.kind,
    address: normalized.from.address,
    displayName: normalized.from.name,
    contactFields: adapter.contactFields?.(normalized.from.address) ?? {},
  });
  const attachments = await storeAttachments(deps.store, normalized.attachments);
  let outcome: RecordOutcome;
  try {
    outcome = await recordInbound(db, { inboundEventId: event.id, channel: event.channel, contactId: contact.id, normalized, threading: adapter.threading, attachments, now });
  } catch (err) {
    if (err instanceof UnsupportedInboundKind) return markFailed(deps, event.id, err.message);
    throw err;
  }
  if (outcome.status === 'processed') {
    await publishConversation(deps, outcome.conversationId, outcome.conversationCreated ? 'conversation.created' : 'conversation.updated');
    await publishMessage(deps, outcome.messageId, 'message.created');
    await scheduleSlaTimers(deps, outcome.slaTimers);
    // If Redis is away the periodic dispatch routes it: an open unassigned conversation is on the waiting list.
    if (outcome.needsRouting) await requestRouting(deps, outcome.conversationId);
  }
  const { slaTimers: _timers, ...logged } = outcome.status === 'processed' ? outcome : { ...outcome, slaTimers: [] };
  deps.log.info({ inboundEventId, ...logged }, 'inbound event recorded');
  return outcome;
}

async function markFailed(deps: Deps, id: string, error: string): Promise<IngestOutcome> {
  await deps.db.inboundEvent.update({ where: { id }, data: { status: 'failed', error, processedAt: deps.clock.now() } });
  deps.log.warn({ inboundEventId: id, error }, 'inbound event failed to parse; kept for an admin to inspect');
  return { status: 'failed', error };
}

async function markIgnored(deps: Deps, id: string, reason: string): Promise<IngestOutcome> {
  await deps.db.inboundEvent.update({ where: { id }, data: { status: 'ignored', error: reason, processedAt: deps.clock.now() } });
  return { status: 'ignored', reason };
}
