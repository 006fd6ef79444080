// The deliver worker's one domain call: send a queued outbound message through its channel
// adapter and record the result. Safe to run twice: a message already sent is not sent again.
// At most once after the provider's acceptance: the attempt is marked ('sending') before the
// provider is called and the outcome written right after its answer, before anything else; an
// attempt found interrupted is looked up at the provider where the channel can (findSent) and
// otherwise marked 'uncertain', never sent again on its own. Transient failures are retried on the
// long schedule (retry-schedule.ts) and end in the dead-letter state after the channel's window.
import type { Deps } from '../../deps.ts';
import type { OutboundMessage, SendResult } from '../../../channels/types.ts';
import { toChannelConfig } from '../channels/channel-config.ts';
import { publishMessage } from '../conversations/publish-conversation.ts';
import { loadOutboundAttachments } from './load-outbound-attachments.ts';
import { withSurveyLink } from '../csat/survey-link.ts';
import { markIdentityUnreachable } from '../contacts/mark-identity-unreachable.ts';
import { earlierReplyOnItsWay, releaseNextReply } from './reply-order.ts';
import { describeRetryWindow, nextRetryDelayMs, retryForHours, type RetrySchedule } from './retry-schedule.ts';

/** Provider rate limits are waited out (they are not failed attempts), but not forever. */
const MAX_RATE_LIMITED_ATTEMPTS = 30;

/** Shown to the agent on a reply left 'uncertain'. */
export const UNCERTAIN_REASON = 'The sending process stopped before the server’s answer was recorded; the server may not have received it';

type SentStatus = Extract<SendResult, { ok: true }>['status'];

export type DeliverOutcome =
  | { status: 'sent'; externalId: string }
  | { status: 'skipped'; reason: string }
  /** An earlier reply of the conversation is still on its way: this one waits (releaseNextReply wakes it). */
  | { status: 'held'; behindMessageId: string }
  /** Its next attempt is not due yet (the job came early, e.g. queued again by the sweep): wait this long. */
  | { status: 'waiting'; delayMs: number }
  /** An interrupted attempt that cannot be looked up: not sent again (delivery uncertain). */
  | { status: 'uncertain'; reason: string }
  /** Transient failures carry `retryAfterMs`: the worker waits that long, without spending a job attempt. */
  | { status: 'failed'; permanent: boolean; error: string; retryAfterMs?: number; deadLettered?: boolean };

export interface DeliverOptions {
  /** The backoff between attempts after transient failures (DELIVER_RETRY_BASE_MS / DELIVER_RETRY_MAX_MS). */
  retry: RetrySchedule;
  /** Where customers reach Parley (PUBLIC_URL): the base of a survey message's link. */
  publicUrl: string;
}

/** The reply, if it is to be sent now; otherwise why not (gone, not ours to send, done, not due, or waiting its turn). */
async function loadSendable(deps: Deps, messageId: string) {
  const message = await deps.db.message.findUnique({ where: { id: messageId }, include: { channel: true, attachments: true, authorAgent: { select: { name: true } } } });
  if (!message) return { status: 'skipped', reason: 'no such message' } as const;
  if (message.direction !== 'out' || message.kind !== 'message') return { status: 'skipped', reason: 'not an outbound message' } as const;
  if (message.deliveryStatus !== 'queued' && message.deliveryStatus !== 'sending') return { status: 'skipped', reason: `already ${message.deliveryStatus}` } as const;
  const dueIn = message.deliveryStatus === 'queued' && message.nextAttemptAt ? message.nextAttemptAt.getTime() - deps.clock.now().getTime() : 0;
  if (dueIn > 0) return { status: 'waiting', delayMs: dueIn } as const;
  const ahead = await earlierReplyOnItsWay(deps.db, message);
  if (ahead) return { status: 'held', behindMessageId: ahead.id } as const;
  return { status: 'sendable', message } as const;
}

type Sendable = Extract<Awaited<ReturnType<typeof loadSendable>>, { status: 'sendable' }>['message'];

export async function deliverMessage(deps: Deps, messageId: string, opts: DeliverOptions): Promise<DeliverOutcome> {
  const { db } = deps;
  const loaded = await loadSendable(deps, messageId);
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
  // already has rather than reach the customer twice; where it cannot, do not risk a second copy.
  if (message.deliveryStatus === 'sending') {
    if (!adapter.findSent) return recordUncertain(deps, message);
    let earlier: string | null;
    try {
      earlier = await adapter.findSent(outbound, channel, message.updatedAt);
    } catch (err) {
      // Stays 'sending' with its time (the next check looks from the same moment).
      return recordTransient(deps, message, { error: `could not check whether an interrupted attempt went out: ${(err as Error).message}`, retry: opts.retry, keepSending: true });
    }
    if (earlier) {
      deps.log.info({ messageId, externalId: earlier }, 'an interrupted send had reached the provider: recorded, not sent again');
      return recordSent(deps, message, { externalId: earlier, status: 'sent' });
    }
  }

  await db.message.update({ where: { id: messageId }, data: { deliveryStatus: 'sending', nextAttemptAt: null, deliveryAttempts: { increment: 1 } } });
  // Made here, for this attempt only (never before a findSent lookup, which may adopt an earlier attempt's link).
  const text = await withSurveyLink(db, message, opts.publicUrl, deps.clock.now());
  const result = await adapter.send({ ...outbound, text }, channel);
  if (result.ok) return recordSent(deps, message, result);
  const error = result.code ? `${result.error} (${result.code})` : result.error;
  deps.metrics.deliveryFailure(message.channel.kind, result.permanent ? 'permanent' : result.retryAfterMs !== undefined ? 'rate_limited' : 'transient');
  // What the adapter keeps from the admin's view (what answered at a refused host) is for the log only.
  if (result.detail) deps.log.warn({ messageId, error, detail: result.detail }, 'outbound send failed');
  if (result.unreachable) {
    await markIdentityUnreachable(db, { workspaceId: message.workspaceId, channelKind: message.channel.kind, address: to.address, reason: result.error, now: deps.clock.now() });
  }
  if (result.retryAfterMs !== undefined && !result.permanent && message.deliveryAttempts < MAX_RATE_LIMITED_ATTEMPTS) {
    await recordRetry(deps, messageId, { error, delayMs: result.retryAfterMs });
    return { status: 'failed', permanent: false, error, retryAfterMs: result.retryAfterMs };
  }
  if (result.permanent) return recordFailure(deps, message, { permanent: true, error });
  // Transient: back to queued with the reason and the next attempt visible; the worker waits and tries again.
  return recordTransient(deps, message, { error, retry: opts.retry });
}

type Placed = Parameters<typeof releaseNextReply>[1];

const retryAt = (deps: Deps, delayMs: number) => new Date(deps.clock.now().getTime() + delayMs);

async function recordRetry(deps: Deps, messageId: string, r: { error: string; delayMs: number }): Promise<void> {
  await deps.db.message.update({ where: { id: messageId }, data: { deliveryStatus: 'queued', deliveryError: r.error, nextAttemptAt: retryAt(deps, r.delayMs) } });
  await publishMessage(deps, messageId, 'message.updated');
}

/** A transient failure: retried after the schedule's delay, unless the channel's window has passed (dead letter). */
async function recordTransient(deps: Deps, message: Sendable, f: { error: string; retry: RetrySchedule; keepSending?: boolean }): Promise<DeliverOutcome> {
  const now = deps.clock.now();
  const since = message.retryingSince ?? now;
  const hours = retryForHours(message.channel.settings);
  const failingFor = now.getTime() - since.getTime();
  if (failingFor >= hours * 3_600_000) {
    const error = `gave up after ${describeRetryWindow(hours)}: ${f.error}`;
    await deps.db.message.update({ where: { id: message.id }, data: { deliveryStatus: 'failed', deliveryError: error, nextAttemptAt: null, deadLetteredAt: now } });
    await publishMessage(deps, message.id, 'message.updated');
    deps.log.warn({ messageId: message.id, error }, 'outbound message dead-lettered');
    deps.metrics.deliveryFailure(message.channel.kind, 'dead_letter');
    await releaseNextReply(deps, message);
    return { status: 'failed', permanent: false, error, deadLettered: true };
  }
  const delayMs = nextRetryDelayMs(failingFor, f.retry);
  await deps.db.message.update({
    where: { id: message.id },
    data: {
      ...(f.keepSending ? { updatedAt: message.updatedAt } : { deliveryStatus: 'queued' as const }),
      deliveryError: f.error,
      nextAttemptAt: retryAt(deps, delayMs),
      retryingSince: since,
    },
  });
  await publishMessage(deps, message.id, 'message.updated');
  return { status: 'failed', permanent: false, error: f.error, retryAfterMs: delayMs };
}

/** The attempt was interrupted and the channel cannot say whether it went out: not sent again. */
async function recordUncertain(deps: Deps, message: Sendable): Promise<DeliverOutcome> {
  await deps.db.message.update({ where: { id: message.id }, data: { deliveryStatus: 'uncertain', deliveryError: UNCERTAIN_REASON, nextAttemptAt: null, retryingSince: null } });
  await publishMessage(deps, message.id, 'message.updated');
  deps.log.warn({ messageId: message.id }, 'an interrupted send cannot be looked up: delivery uncertain, not sent again');
  await releaseNextReply(deps, message);
  return { status: 'uncertain', reason: UNCERTAIN_REASON };
}

async function recordSent(deps: Deps, message: Placed, sent: { externalId: string; status: SentStatus }): Promise<DeliverOutcome> {
  await deps.db.message.update({
    where: { id: message.id },
    data: { deliveryStatus: sent.status, externalId: sent.externalId, sentAt: deps.clock.now(), deliveryError: null, nextAttemptAt: null, retryingSince: null },
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
