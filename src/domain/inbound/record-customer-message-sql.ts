// The common inbound case, a customer's message (with or without attachments) to a new or existing
// conversation, recorded in one plain-SQL transaction: lock, one read of the facts, one write of
// the message, the conversation, its SLA clocks and the event (a batch's messages share them). It decides with the same pure rules
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
import { conversationsClocks, customerMessageFacts, customerMessagesFacts, lockContactChannel, lockContactChannels, markEventIgnored, referencedConversations, writeNewConversations, writeToConversations } from './customer-message-statements.ts';
import type { RecordInboundInput, RecordOutcome } from './inbound-types.ts';
import { messageFields, type FactsRow, type ThreadRow, type WriteRecord } from './customer-message-rows.ts';

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
 * first, in one order for all (so two batches cannot deadlock). The first message of each contact
 * and channel reads its facts with the others' in one statement (nothing else in the batch changes
 * them), and those that go to distinct conversations are written together in one statement per
 * kind (new, existing). A later message of the same contact is then recorded as alone, reading its
 * facts after the earlier one's write (it may join the conversation that one opened). Once a
 * message of a contact is left to the Prisma path (null), so are that contact's later ones, which
 * keeps their order.
 */
export async function recordCustomerMessagesSql(db: Db, inputs: RecordInboundInput<InboundMessage>[]): Promise<(RecordOutcome | null)[]> {
  return sqlTransaction(db, async (client) => {
    await client.query({ ...lockContactChannels, values: [inputs.map(lockKey)] });
    const firsts = inputs.filter((input, i) => inputs.findIndex((other) => lockKey(other) === lockKey(input)) === i);
    const prefetched = new Map<RecordInboundInput<InboundMessage>, FactsRow>();
    if (firsts.length > 1) {
      const rows = await sqlRows<FactsRow & { n: string }>(client, customerMessagesFacts, transpose(firsts.map(factsParameters)));
      for (const row of rows) prefetched.set(firsts[Number(row.n) - 1]!, row);
    }
    const outcomes: (RecordOutcome | null)[] = new Array(inputs.length).fill(null);
    const deferred = new Set<string>();
    const together: { index: number; pending: Pending }[] = [];
    const later: number[] = [];
    const targets = new Set<string>();
    for (const [index, input] of inputs.entries()) {
      const facts = prefetched.get(input);
      if (!facts) { later.push(index); continue; }
      const decided = await decide(client, input, facts);
      if (!isPending(decided)) {
        outcomes[index] = decided;
        if (!decided) deferred.add(lockKey(input));
        continue;
      }
      // Another contact's reply to a conversation already written here (one named by references)
      // is recorded after that one, as alone: one statement updates a conversation once.
      const target = decided.decision.action === 'new' ? null : decided.decision.conversation.id;
      if (target !== null && targets.has(target)) { later.push(index); continue; }
      if (target !== null) targets.add(target);
      together.push({ index, pending: decided });
    }
    const written = await writeAll(client, await planWrites(client, together.map((t) => t.pending)));
    together.forEach((t, k) => { outcomes[t.index] = written[k]!; });
    for (const index of later) {
      const input = inputs[index]!;
      const outcome = deferred.has(lockKey(input)) ? null : await recordLocked(client, input);
      if (!outcome) deferred.add(lockKey(input));
      outcomes[index] = outcome;
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

async function recordLocked(client: pg.PoolClient, input: RecordInboundInput<InboundMessage>): Promise<RecordOutcome | null> {
  const decided = await decide(client, input);
  if (!isPending(decided)) return decided;
  const [outcome] = await writeAll(client, await planWrites(client, [decided]));
  return outcome!;
}

type Decision = ReturnType<typeof decideThread<ThreadRow>>;
/** A message decided but not yet written: the conversation it goes to (or a new one) and its facts. */
interface Pending { input: RecordInboundInput<InboundMessage>; facts: FactsRow; decision: Decision }
const isPending = (d: RecordOutcome | Pending | null): d is Pending => d !== null && 'decision' in d;

/** What to do with a message: a duplicate is ignored here, a reply a survey takes is left to the Prisma path (null), any other is to be written. */
async function decide(client: pg.PoolClient, input: RecordInboundInput<InboundMessage>, prefetched?: FactsRow): Promise<RecordOutcome | Pending | null> {
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
  return { input, facts, decision: decideThread(byReference ?? candidate, q) };
}

/** Everything a message's write needs, decided and computed; only the statement is left to send. */
interface PlannedWrite { record: WriteRecord; decision: Decision; timers: ClockPlan['timers'] }

/** The writes of decided messages, their existing conversations' clocks read in one statement. */
async function planWrites(client: pg.PoolClient, pending: Pending[]): Promise<PlannedWrite[]> {
  const clocked = pending.flatMap((p) => (p.decision.action !== 'new' && p.facts.policies?.length ? [p.decision.conversation.id] : []));
  const clocks = clocked.length ? await sqlRows<SlaClock>(client, conversationsClocks, [clocked]) : [];
  return pending.map((p, i) => planWrite(p, i + 1, clocks));
}

function planWrite({ input, facts, decision }: Pending, n: number, clocks: SlaClock[]): PlannedWrite {
  const { channel, now } = input;
  const wall = new Date();
  const conv = decision.action === 'new' ? null : decision.conversation;
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
    plan = planCustomerMessageClocks({
      policy, cal, running: openStatus.slaClock === 'run', clocks: conv ? clocks.filter((k) => k.conversationId === conv.id) : [], messageId, now, wall,
      conversation: { id: conversationId, workspaceId: channel.workspaceId, priority: conv?.priority ?? 'normal', firstResponseAt: conv?.firstResponseAt ?? null },
    });
  }
  // The customer's message reopened it (resolved, pending, snoozed): a status change like any other.
  const entries = conv && conv.statusKey !== openStatus.key
    ? [{ id: newId(wall.getTime()), kind: 'status', data: { from: conv.statusKey, to: openStatus.key, label: openStatus.label, snoozedUntil: null }, createdAt: now }]
    : [];
  const record: WriteRecord = {
    n, conversationId, workspaceId: channel.workspaceId, channelId: channel.id, contactId: input.contactId, messageId,
    now: now.toISOString(), wall: wall.toISOString(), statusKey: openStatus.key, attributes: input.normalized.conversationAttributes ?? {},
    policyId: policy?.id ?? null, topic: conv ? null : input.normalized.thread.topic, ...messageFields(input, wall),
    inboundEventId: input.inboundEventId, created: plan.created, resumed: plan.resumed, entries,
  };
  return { record, decision, timers: plan.timers };
}

type WriteRow = { n: number; number: number | null; messages: number; resumed: { id: string; version: number }[] };

/** Planned writes, each to its own conversation: the new conversations in one statement, the existing in another; one outcome each, in order. */
async function writeAll(client: pg.PoolClient, planned: PlannedWrite[]): Promise<RecordOutcome[]> {
  const rows = new Map<number, WriteRow>();
  for (const [stmt, group] of [[writeNewConversations, planned.filter((p) => p.decision.action === 'new')], [writeToConversations, planned.filter((p) => p.decision.action !== 'new')]] as const) {
    if (group.length === 0) continue;
    for (const row of await sqlRows<WriteRow>(client, stmt, [JSON.stringify(group.map((p) => p.record))])) rows.set(Number(row.n), row);
  }
  return planned.map((p) => written(p, rows.get(p.record.n)));
}

/** The outcome of a planned write from the row its statement gave back. */
function written({ record, decision, timers }: PlannedWrite, row: WriteRow | undefined): RecordOutcome {
  if (!row || row.messages !== 1) throw new Error(`conversation ${record.conversationId} was not written (gone since it was read?)`);
  const isNew = decision.action === 'new';
  const conv = isNew ? null : decision.conversation;
  // Timers carry the version the database gave the clock, as the Prisma path's update returns it.
  const versions = new Map(row.resumed.map((r) => [r.id, r.version]));
  return {
    status: 'processed',
    messageId: record.messageId,
    conversationId: record.conversationId,
    conversationCreated: isNew,
    reopened: decision.action === 'reopen',
    // One already waiting in a queue is on the waiting list: dispatch places it when capacity frees,
    // so routing it again for each further message would only repeat the same decision.
    needsRouting: conv === null || (conv.assigneeId === null && (decision.action !== 'append' || conv.queuedAt === null)),
    slaTimers: timers.map((t) => ({ ...t, version: versions.get(t.clockId) ?? t.version })),
  };
}

async function referencedHits(client: pg.PoolClient, q: { workspaceId: string; refs: string[] }) {
  const rows = await sqlRows<ThreadRow & { ref: string }>(client, referencedConversations, [q.workspaceId, q.refs]);
  return rows.map((r) => ({ externalId: r.ref, conversation: r }));
}

function surveyOf(f: FactsRow) {
  return { status: f.surveyStatus!, expiresAt: f.surveyExpiresAt, comment: f.surveyComment, score: f.surveyScore, answeredAt: f.surveyAnsweredAt };
}
