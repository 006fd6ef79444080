// The common inbound case, a customer's message (with or without attachments) to a new or existing
// conversation, recorded in one plain-SQL transaction: lock, one read of the facts, one write of
// the message, the conversation, its SLA clocks and the event. It decides with the same pure rules
// as the Prisma path (decideThread, choosePolicy, planCustomerMessageClocks) and gives the same
// outcome; whatever it does not handle (a reply a survey takes) it leaves to that path.
import type pg from 'pg';
import { adapterFor, asChannelKind } from '../../../channels/registry.ts';
import type { InboundMessage } from '../../../channels/types.ts';
import type { Db, SlaClock } from '../../db/client.ts';
import { newId } from '../../db/new-id.ts';
import { sqlRows, sqlTransaction } from '../../db/sql.ts';
import { conversationSettings } from '../conversations/conversation-settings.ts';
import { decideThread, pickReferenceMatch } from '../conversations/find-thread.ts';
import { defaultStatusDefinitions } from '../conversations/status-definitions.ts';
import { surveyTakesReply } from '../csat/record-csat-reply.ts';
import { alwaysOpenCalendar, parseCalendar } from '../sla/calendar.ts';
import { choosePolicy } from '../sla/choose-policy.ts';
import { toLoadedPolicy } from '../sla/load-policy.ts';
import { planCustomerMessageClocks, type ClockPlan } from '../sla/plan-customer-message-clocks.ts';
import { conversationClocks, customerMessageFacts, customerMessagesFacts, lockContactChannel, lockContactChannels, markEventIgnored, referencedConversations, writeNewConversation, writeToConversation } from './customer-message-statements.ts';
import type { RecordInboundInput, RecordOutcome } from './inbound-types.ts';
import { messageValues, type FactsRow, type ThreadRow } from './customer-message-rows.ts';

const HOUR = 3_600_000;

/** The outcome, or null when the message is not for this path (then nothing was written). */
export async function recordCustomerMessageSql(db: Db, input: RecordInboundInput<InboundMessage>): Promise<RecordOutcome | null> {
  return sqlTransaction(db, async (client) => {
    // One inbound at a time per contact and channel, so two quick messages cannot open two conversations.
    await client.query({ ...lockContactChannel, values: [lockKey(input)] });
    return recordLocked(client, input);
  });
}

/**
 * Several messages in one transaction, in the order given (batch-customer-messages.ts): every lock
 * first, in one order for all (so two batches cannot deadlock), then each message as alone. Once a
 * message of a contact is left to the Prisma path (null), so are that contact's later ones, which
 * keeps their order.
 */
export async function recordCustomerMessagesSql(db: Db, inputs: RecordInboundInput<InboundMessage>[]): Promise<(RecordOutcome | null)[]> {
  return sqlTransaction(db, async (client) => {
    await client.query({ ...lockContactChannels, values: [inputs.map(lockKey)] });
    // The first message of each contact and channel reads its facts with the others' in one
    // statement: nothing else in the batch changes them. A later message of the same contact reads
    // its own after the earlier one's write (it may join the conversation that one opened).
    const firsts = inputs.filter((input, i) => inputs.findIndex((other) => lockKey(other) === lockKey(input)) === i);
    const prefetched = new Map<RecordInboundInput<InboundMessage>, FactsRow>();
    if (firsts.length > 1) {
      const rows = await sqlRows<FactsRow & { n: string }>(client, customerMessagesFacts, transpose(firsts.map(factsParameters)));
      for (const row of rows) prefetched.set(firsts[Number(row.n) - 1]!, row);
    }
    const deferred = new Set<string>();
    const outcomes: (RecordOutcome | null)[] = [];
    for (const input of inputs) {
      const outcome = deferred.has(lockKey(input)) ? null : await recordLocked(client, input, prefetched.get(input));
      if (!outcome) deferred.add(lockKey(input));
      outcomes.push(outcome);
    }
    return outcomes;
  });
}

/** Columns of rows: the batched statement takes one array per parameter. */
const transpose = (rows: unknown[][]): unknown[][] => rows[0]!.map((_, col) => rows.map((row) => row[col]));

const lockKey = (input: RecordInboundInput) => input.contactId + input.channel.id;

/** customerMessageFacts' parameters for this message. */
function factsParameters(input: RecordInboundInput<InboundMessage>): unknown[] {
  const { channel, normalized: n, now } = input;
  const since = new Date(now.getTime() - conversationSettings(channel.settings).topicWindowHours * HOUR);
  const surveyByReply = adapterFor(channel.kind).survey === 'reply';
  // An empty topic is no topic, as findThread reads it (it never matches an empty one).
  return [channel.id, n.externalId, channel.workspaceId, input.contactId, surveyByReply, input.threading === 'per-contact', n.thread.topic || null, since.toISOString()];
}

async function recordLocked(client: pg.PoolClient, input: RecordInboundInput<InboundMessage>, prefetched?: FactsRow): Promise<RecordOutcome | null> {
  const { channel, normalized: n, now } = input;
  const settings = conversationSettings(channel.settings);
  const q = { workspaceId: channel.workspaceId, contactId: input.contactId, refs: n.thread.refs, now, settings };
  const byReference = n.thread.refs.length > 0 ? pickReferenceMatch(await referencedHits(client, q), q) : null;
  const facts = prefetched ?? (await sqlRows<FactsRow>(client, customerMessageFacts, factsParameters(input)))[0];
  if (!facts) throw new Error('the facts statement returned no row');
  if (facts.already) {
    const reason = 'already recorded as a message';
    await sqlRows(client, markEventIgnored, [input.inboundEventId, reason, now.toISOString(), facts.already.id]);
    return { status: 'ignored', reason, messageId: facts.already.id, conversationId: facts.already.conversationId };
  }
  // A score or a comment for the contact's latest survey is recorded as such, by the Prisma path.
  if (facts.surveyStatus !== null && surveyTakesReply(surveyOf(facts), { text: n.text, attachments: input.attachments.length, now })) return null;
  const candidate = facts.id === null ? null : { conversation: facts as ThreadRow, matchedBy: input.threading === 'per-contact' ? ('contact' as const) : ('topic' as const) };
  const decision = decideThread(byReference ?? candidate, q);
  return write(client, input, facts, decision);
}

async function write(client: pg.PoolClient, input: RecordInboundInput<InboundMessage>, facts: FactsRow, decision: ReturnType<typeof decideThread<ThreadRow>>): Promise<RecordOutcome> {
  const { channel, now } = input;
  const wall = new Date();
  const isNew = decision.action === 'new';
  const conv = isNew ? null : decision.conversation;
  const conversationId = conv?.id ?? newId(wall.getTime());
  const messageId = newId(wall.getTime());
  const openStatus = facts.openStatus ?? defaultStatusDefinitions.find((d) => d.category === 'open')!;
  const policy = choosePolicy((facts.policies ?? []).map(toLoadedPolicy), {
    channel: asChannelKind(channel.kind), contactTier: facts.contactTier, tags: conv?.tags ?? [], teamId: conv?.teamId ?? null,
  });
  let plan: ClockPlan = { created: [], resumed: [], timers: [] };
  if (policy) {
    const raw = facts.policies!.find((p) => p.id === policy.id)!.calendar;
    const cal = raw ? parseCalendar({ timeZone: raw.timeZone, weeklyHours: raw.weeklyHours, holidays: raw.holidays ?? [] }) : alwaysOpenCalendar;
    const clocks = conv ? await sqlRows<SlaClock>(client, conversationClocks, [conv.id]) : [];
    plan = planCustomerMessageClocks({
      policy, cal, running: openStatus.slaClock === 'run', clocks, messageId, now, wall,
      conversation: { id: conversationId, workspaceId: channel.workspaceId, priority: conv?.priority ?? 'normal', firstResponseAt: conv?.firstResponseAt ?? null },
    });
  }
  // The customer's message reopened it (resolved, pending, snoozed): a status change like any other.
  const entries = conv && conv.statusKey !== openStatus.key
    ? [{ id: newId(wall.getTime()), kind: 'status', data: { from: conv.statusKey, to: openStatus.key, label: openStatus.label, snoozedUntil: null }, createdAt: now }]
    : [];
  const values = [
    conversationId, channel.workspaceId, channel.id, input.contactId, messageId, now.toISOString(), wall.toISOString(), openStatus.key,
    JSON.stringify(input.normalized.conversationAttributes ?? {}), policy?.id ?? null, ...messageValues(input, wall),
    input.inboundEventId, JSON.stringify(plan.created), JSON.stringify(plan.resumed), JSON.stringify(entries),
    ...(isNew ? [input.normalized.thread.topic] : []),
  ];
  const [row] = await sqlRows<{ number: number | null; messages: number; resumed: { id: string; version: number }[] }>(client, isNew ? writeNewConversation : writeToConversation, values);
  if (!row || row.messages !== 1) throw new Error(`conversation ${conversationId} was not written (gone since it was read?)`);
  // Timers carry the version the database gave the clock, as the Prisma path's update returns it.
  const versions = new Map(row.resumed.map((r) => [r.id, r.version]));
  const slaTimers = plan.timers.map((t) => ({ ...t, version: versions.get(t.clockId) ?? t.version }));
  return {
    status: 'processed',
    messageId,
    conversationId,
    conversationCreated: isNew,
    reopened: decision.action === 'reopen',
    // One already waiting in a queue is on the waiting list: dispatch places it when capacity frees,
    // so routing it again for each further message would only repeat the same decision.
    needsRouting: isNew || (conv!.assigneeId === null && (decision.action !== 'append' || conv!.queuedAt === null)),
    slaTimers,
  };
}

async function referencedHits(client: pg.PoolClient, q: { workspaceId: string; refs: string[] }) {
  const rows = await sqlRows<ThreadRow & { ref: string }>(client, referencedConversations, [q.workspaceId, q.refs]);
  return rows.map((r) => ({ externalId: r.ref, conversation: r }));
}

function surveyOf(f: FactsRow) {
  return { status: f.surveyStatus!, expiresAt: f.surveyExpiresAt, comment: f.surveyComment, score: f.surveyScore, answeredAt: f.surveyAnsweredAt };
}
