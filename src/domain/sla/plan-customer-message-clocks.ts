// What a customer's message does to a conversation's SLA clocks, decided from facts in hand (the
// policy, its calendar, the clocks as read) without touching the database. The one rule for both
// writers: the plain-SQL ingest path writes the plan itself, slaOnCustomerMessage (apply-sla.ts)
// through Prisma for the rarer kinds (calls, edits of unseen messages, the Prisma ingest path).
import type { SlaClock, SlaMetric } from '../../db/client.ts';
import { newId } from '../../db/new-id.ts';
import type { BusinessCalendar } from './calendar.ts';
import { targetSeconds } from './choose-policy.ts';
import { dueAt } from './clock-math.ts';
import type { LoadedPolicy } from './load-policy.ts';
import type { Priority } from './policy-schema.ts';
import { timerFor, type ClockTimer } from './sla-clocks.ts';

export interface CustomerMessageClockInput {
  policy: LoadedPolicy;
  cal: BusinessCalendar;
  /** Whether clocks run in the status the message leaves the conversation in (open). */
  running: boolean;
  conversation: { id: string; workspaceId: string; priority: string; firstResponseAt: Date | null };
  /** Every clock of the conversation as it was before the message. */
  clocks: SlaClock[];
  messageId: string;
  now: Date;
  /** Wall time for createdAt / updatedAt, as Prisma would stamp them. */
  wall: Date;
}

export interface ClockPlan {
  /** New clocks to insert. */
  created: SlaClock[];
  /** Clocks to set running again (their new state; `version` is the one the timer carries). */
  resumed: SlaClock[];
  timers: ClockTimer[];
}

export function planCustomerMessageClocks(input: CustomerMessageClockInput): ClockPlan {
  const { policy, cal, conversation: conv, now } = input;
  const ctx = { cal, warnBeforeSeconds: policy.warnBeforeSeconds };
  const plan: ClockPlan = { created: [], resumed: [], timers: [] };
  const keys = new Set(input.clocks.map((c) => c.key));
  const push = (c: SlaClock) => {
    const timer = timerFor(ctx, c);
    if (timer) plan.timers.push(timer);
  };
  const start = (metric: SlaMetric, key: string, messageId: string | null) => {
    const seconds = targetSeconds(policy, conv.priority as Priority, metric);
    if (seconds === null || keys.has(key)) return;
    keys.add(key);
    const clock = newClock(input, { metric, key, messageId, targetMs: seconds * 1000 });
    plan.created.push(clock);
    push(clock);
  };
  const resume = (c: SlaClock) => {
    if (c.status !== 'paused') return;
    const next: SlaClock = { ...c, status: 'running', runningSince: now, version: c.version + 1, updatedAt: input.wall };
    next.dueAt = dueAt(cal, next);
    plan.resumed.push(next);
    push(next);
  };
  const resolution = input.clocks.find((c) => c.metric === 'resolution');
  if (!resolution) start('resolution', 'resolution', null);
  // Reopened: the resolution promise is measured again from where it stopped.
  else if (resolution.status === 'met') resume({ ...resolution, status: 'paused', metAt: null });
  if (!conv.firstResponseAt) start('first_response', 'first_response', null);
  else start('next_response', `next_response:${input.messageId}`, input.messageId);
  if (input.running) for (const c of input.clocks.filter((c) => c.status === 'paused')) resume(c);
  return plan;
}

function newClock(input: CustomerMessageClockInput, c: { metric: SlaMetric; key: string; messageId: string | null; targetMs: number }): SlaClock {
  const { now, running } = input;
  const base = { targetMs: c.targetMs, elapsedMs: 0, status: running ? ('running' as const) : ('paused' as const), runningSince: running ? now : null };
  return {
    id: newId(input.wall.getTime()),
    workspaceId: input.conversation.workspaceId,
    conversationId: input.conversation.id,
    policyId: input.policy.id,
    metric: c.metric,
    key: c.key,
    messageId: c.messageId,
    ...base,
    startedAt: now,
    dueAt: dueAt(input.cal, base),
    version: 0,
    warnedAt: null,
    metAt: null,
    breachedAt: null,
    createdAt: input.wall,
    updatedAt: input.wall,
  };
}
