// The deliver worker's one domain call: send a queued outbound message through its channel
// adapter and record the result. Safe to run twice: a message already sent is not sent again.
import type { Deps } from '../../deps.ts';
import type { OutboundMessage, SendResult } from '../../../channels/types.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';
import { loadOutboundAttachments } from './load-outbound-attachments.ts';
import { markIdentityUnreachable } from '../contacts/mark-identity-unreachable.ts';
import { earlierReplyOnItsWay, releaseNextReply } from './reply-order.ts';

/** Provider rate limits are waited out (they are not failed attempts), but not forever. */
const MAX_RATE_LIMITED_ATTEMPTS = 30;

type SentStatus = Extract<SendResult, { ok: true }>['status'];

export type DeliverOutcome =
  | { status: 'sent'; externalId: string }
  | { status: 'skipped'; reason: string }
  /** An earlier reply of the conversation is still on its way: this one waits (releaseNextReply wakes it). */
  | { status: 'held'; behindMessageId: string }
  | { status: 'failed'; permanent: boolean; error: string; retryAfterMs?: number };

export interface DeliverOptions {
  finalAttempt: boolean;
  /** How long the worker waits before the next attempt if this one fails transiently (shown to agents). */
  retryDelayMs: number;
}

/** The reply, if it is to be sent now; otherwise why not (gone, not ours to send, done, or waiting its turn). */
async function loadSendable(db: Deps['db'], messageId: string) {
  const message = await db.message.findUnique({ where: { id: messageId }, include: { channel: true, attachments: true, authorAgent: { select: { name: true } } } });
  if (!message) return { status: 'skipped', reason: 'no such message' } as const;
  if (message.direction !== 'out' || message.kind !== 'message') return { status: 'skipped', reason: 'not an outbound message' } as const;
  if (message.deliveryStatus !== 'queued' && message.deliveryStatus !== 'sending') return { status: 'skipped', reason: `already ${message.deliveryStatus}` } as const;
  const ahead = await earlierReplyOnItsWay(db, message);
  if (ahead) return { status: 'held', behindMessageId: ahead.id } as const;
  return { status: 'sendable', message } as const;
}

export async function deliverMessage(deps: Deps, messageId: string, opts: DeliverOptions): Promise<DeliverOutcome> {
  const { db } = deps;
  const loaded = await loadSendable(db, messageId);
  if (loaded.status !== 'sendable') return loaded;
  const { message } = loaded;
  const { to, template } = message.metadata as { to?: { address: string; name: string | null }; template?: { id: string; variables: Record<string, string> } };
  if (!to?.address) return recordFailure(deps, message, { permanent: true, error: 'message has no recipient' });

  const adapter = deps.adapterFor(message.channel.kind);
  const outbound: OutboundMessage = {
    messageId: message.id,
    externalId: message.externalId,
    to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    inReplyTo: message.inReplyTo,
    references: message.references,
    attachments: await loadOutboundAttachments(deps.store, message.attachments),
    template: template ?? null,
    authorName: message.authorAgent?.name ?? null,
  };
  const channel = toChannelConfig(message.channel);

  // Still 'sending': an earlier attempt died mid-send. Where the provider can say, adopt what it
  // already has rather than reach the customer twice.
  if (message.deliveryStatus === 'sending' && adapter.findSent) {
    let earlier: string | null;
    try {
      earlier = await adapter.findSent(outbound, channel, message.updatedAt);
    } catch (err) {
      const error = `could not check whether an interrupted attempt went out: ${(err as Error).message}`;
      if (opts.finalAttempt) return recordFailure(deps, message, { permanent: false, error });
      // Stays 'sending' with its time (the next check looks from the same moment).
      await db.message.update({ where: { id: messageId }, data: { deliveryError: error, nextAttemptAt: retryAt(deps, opts.retryDelayMs), updatedAt: message.updatedAt } });
      await publishMessage(deps, messageId, 'message.updated');
      return { status: 'failed', permanent: false, error };
    }
    if (earlier) {
      deps.log.info({ messageId, externalId: earlier }, 'an interrupted send had reached the provider: recorded, not sent again');
      return recordSent(deps, message, { externalId: earlier, status: 'sent' });
    }
  }

  await db.message.update({ where: { id: messageId }, data: { deliveryStatus: 'sending', nextAttemptAt: null, deliveryAttempts: { increment: 1 } } });
  const result = await adapter.send(outbound, channel);
  if (result.ok) return recordSent(deps, message, result);
  const error = result.code ? `${result.error} (${result.code})` : result.error;
  // What the adapter keeps from the admin's view (what answered at a refused host) is for the log only.
  if (result.detail) deps.log.warn({ messageId, error, detail: result.detail }, 'outbound send failed');
  if (result.unreachable) {
    await markIdentityUnreachable(db, { workspaceId: message.workspaceId, channelKind: message.channel.kind, address: to.address, reason: result.error, now: deps.clock.now() });
  }
  if (result.retryAfterMs !== undefined && !result.permanent && message.deliveryAttempts < MAX_RATE_LIMITED_ATTEMPTS) {
    await recordRetry(deps, messageId, { error, delayMs: result.retryAfterMs });
    return { status: 'failed', permanent: false, error, retryAfterMs: result.retryAfterMs };
  }
  if (result.permanent || opts.finalAttempt) return recordFailure(deps, message, { permanent: result.permanent, error });
  // Transient: back to queued with the reason and the next attempt visible; the worker retries with backoff.
  await recordRetry(deps, messageId, { error, delayMs: opts.retryDelayMs });
  return { status: 'failed', permanent: false, error };
}

type Placed = Parameters<typeof releaseNextReply>[1];

const retryAt = (deps: Deps, delayMs: number) => new Date(deps.clock.now().getTime() + delayMs);

async function recordRetry(deps: Deps, messageId: string, r: { error: string; delayMs: number }): Promise<void> {
  await deps.db.message.update({ where: { id: messageId }, data: { deliveryStatus: 'queued', deliveryError: r.error, nextAttemptAt: retryAt(deps, r.delayMs) } });
  await publishMessage(deps, messageId, 'message.updated');
}

async function recordSent(deps: Deps, message: Placed, sent: { externalId: string; status: SentStatus }): Promise<DeliverOutcome> {
  await deps.db.message.update({
    where: { id: message.id },
    data: { deliveryStatus: sent.status, externalId: sent.externalId, sentAt: deps.clock.now(), deliveryError: null, nextAttemptAt: null },
  });
  await publishMessage(deps, message.id, 'message.updated');
  await releaseNextReply(deps, message);
  return { status: 'sent', externalId: sent.externalId };
}

async function recordFailure(deps: Deps, message: Placed, f: { permanent: boolean; error: string }): Promise<DeliverOutcome> {
  await deps.db.message.update({ where: { id: message.id }, data: { deliveryStatus: 'failed', deliveryError: f.error, nextAttemptAt: null } });
  await publishMessage(deps, message.id, 'message.updated');
  deps.log.warn({ messageId: message.id, ...f }, 'outbound message failed');
  // Failed for good: the replies written after it go on.
  await releaseNextReply(deps, message);
  return { status: 'failed', ...f };
}
