// The ingest worker's one domain call: normalise a stored InboundEvent through its channel
// adapter and record it. A payload the adapter cannot parse is kept, marked failed with the reason.
import { ParseError } from '../../../channels/types.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import type { Channel } from '../../db/client.ts';
import { claimInboundEvent } from './claim-inbound-event.ts';
import type { Deps } from '../../deps.ts';
import { resolveContactIdentity } from '../contacts/resolve-contact-identity.ts';
import { publishConversationAndMessage, publishMessage } from '../conversations/publish-conversation.ts';
import type { RecordOutcome } from './inbound-types.ts';
import { recordInbound } from './record-inbound.ts';
import { markInboundFailed } from './mark-inbound-failed.ts';
import { cleanForPostgres } from './clean-for-postgres.ts';
import { storeAttachments } from './store-attachments.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import { requestRouting } from '../routing/dispatch-waiting.ts';
import { recordConsent } from '../contacts/record-consent.ts';
import { applyInboundContactFacts } from '../contacts/apply-inbound-contact-facts.ts';
import { ingestStatusEvent, type StatusEventOutcome } from '../delivery/ingest-status-event.ts';
import { requestMediaDownloads } from '../media/request-media-downloads.ts';

export type IngestOutcome = RecordOutcome | StatusEventOutcome | { status: 'failed'; error: string } | { status: 'skipped'; reason: string };

export async function processInboundEvent(deps: Deps, inboundEventId: string): Promise<IngestOutcome> {
  const { db } = deps;
  // Counts the attempt and reads the event in one statement; only a skipped event is read again, for the reason.
  const event = await claimInboundEvent(db, inboundEventId);
  if (!event) {
    const found = await db.inboundEvent.findUnique({ where: { id: inboundEventId }, select: { status: true } });
    return { status: 'skipped', reason: found ? `already ${found.status}` : 'no such inbound event' };
  }

  const adapter = deps.adapterFor(event.channel.kind);
  const now = deps.clock.now();
  const raw = event.raw ? Buffer.from(event.raw) : event.payload;
  let normalized;
  try {
    // Cleaned here, once for every channel: Postgres refuses NUL characters in text and jsonb.
    normalized = cleanForPostgres(await adapter.normalize(raw, toChannelConfig(event.channel)));
  } catch (err) {
    if (err instanceof ParseError) return markFailed(deps, event.id, err.message);
    throw err;
  }
  if (normalized.kind === 'status') return ingestStatusEvent(deps, { event, update: normalized.update });
  if (normalized.kind === 'ignored') return markIgnored(deps, event.id, normalized.reason);
  if (normalized.from.address === event.channel.address.toLowerCase()) {
    return markIgnored(deps, event.id, 'sent by this channel itself (mail loop guard)');
  }
  const { contact, identity } = await resolveContactIdentity(db, {
    workspaceId: event.workspaceId,
    channelKind: event.channel.kind,
    address: normalized.from.address,
    displayName: normalized.from.name,
    contactFields: adapter.contactFields?.(normalized.from.address) ?? {},
    sender: normalized.sender,
    now,
  });
  if (normalized.kind === 'message' && normalized.consent && identity) await recordConsent(db, { identityId: identity.id, consent: normalized.consent, now });
  const contactId = await applyInboundContactFacts(deps, { identity, contact, normalized });
  const attachments = await storeAttachments(deps.store, normalized.attachments);
  const outcome = await recordInbound(db, { inboundEventId: event.id, channel: event.channel, contactId, normalized, threading: adapter.threading, attachments, now });
  if (outcome.status === 'processed') {
    await publishConversationAndMessage(
      deps,
      { id: outcome.conversationId, event: outcome.conversationCreated ? 'conversation.created' : 'conversation.updated', opts: { activity: outcome.activity } },
      { id: outcome.messageId, event: outcome.messageCreated === false ? 'message.updated' : 'message.created' },
    );
    if (outcome.messageCreated !== false) deps.metrics.ingestToAgent((deps.clock.now().getTime() - event.receivedAt.getTime()) / 1000);
    for (const id of outcome.updatedMessageIds ?? []) await publishMessage(deps, id, 'message.updated');
    if (normalized.attachments.some((a) => a.url)) await requestMediaDownloads(deps, outcome.messageId);
    await scheduleSlaTimers(deps, outcome.slaTimers);
    // If Redis is away the periodic dispatch routes it: an open unassigned conversation is on the waiting list.
    if (outcome.needsRouting) await requestRouting(deps, outcome.conversationId);
  }
  const { slaTimers: _timers, activity: _activity, ...logged } = outcome.status === 'processed' ? outcome : { ...outcome, slaTimers: [], activity: undefined };
  deps.log.info({ inboundEventId, ...logged }, 'inbound event recorded');
  return outcome;
}

async function markFailed(deps: Deps, id: string, error: string): Promise<IngestOutcome> {
  await markInboundFailed(deps, { inboundEventId: id, error });
  deps.log.warn({ inboundEventId: id, error }, 'inbound event failed to parse; kept for an admin to inspect');
  return { status: 'failed', error };
}

async function markIgnored(deps: Deps, id: string, reason: string): Promise<IngestOutcome> {
  await deps.db.inboundEvent.update({ where: { id }, data: { status: 'ignored', error: reason, processedAt: deps.clock.now() } });
  return { status: 'ignored', reason };
}
