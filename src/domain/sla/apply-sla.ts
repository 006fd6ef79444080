// What happens to a conversation's SLA clocks when something happens to the conversation: a
// customer writes, an agent answers, the status changes, or priority / tags / team change.
// Runs inside the caller's transaction and returns timers to schedule after commit.
import { asChannelKind } from '../../../channels/registry.ts';
import type { Conversation, SlaClock, Tx } from '../../db/client.ts';
import { statusDefinition } from '../conversations/status-definitions.ts';
import { choosePolicy, targetSeconds } from './choose-policy.ts';
import { loadCalendar, loadPolicies, type LoadedPolicy } from './load-policy.ts';
import { planCustomerMessageClocks } from './plan-customer-message-clocks.ts';
import type { Priority } from './policy-schema.ts';
import { cancelClock, completeClock, pauseClock, resumeClock, retargetClock, type ClockContext, type ClockTimer } from './sla-clocks.ts';

const live = (c: SlaClock) => c.status === 'running' || c.status === 'paused';


async function conversationFacts(tx: Tx, conversationId: string) {
  return tx.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { channel: { select: { kind: true } }, contact: { select: { tier: true } } } });
}

async function policyFor(tx: Tx, conv: Awaited<ReturnType<typeof conversationFacts>>): Promise<LoadedPolicy | null> {
  const policies = await loadPolicies(tx, conv.workspaceId);
  return choosePolicy(policies, { channel: asChannelKind(conv.channel.kind), contactTier: conv.contact.tier, tags: conv.tags ?? [], teamId: conv.teamId });
}

async function contextFor(tx: Tx, policy: LoadedPolicy, now: Date): Promise<ClockContext> {
  return { tx, now, cal: await loadCalendar(tx, policy.calendarId), warnBeforeSeconds: policy.warnBeforeSeconds };
}

async function ensurePolicy(tx: Tx, conversationId: string) {
  const conv = await conversationFacts(tx, conversationId);
  const policy = await policyFor(tx, conv);
  if (policy && conv.slaPolicyId !== policy.id) await tx.conversation.update({ where: { id: conv.id }, data: { slaPolicyId: policy.id } });
  return { conv, policy };
}

export async function slaOnCustomerMessage(tx: Tx, input: { conversationId: string; messageId: string; now: Date }): Promise<ClockTimer[]> {
  const { conv, policy } = await ensurePolicy(tx, input.conversationId);
  if (!policy) return [];
  const cal = await loadCalendar(tx, policy.calendarId);
  const running = (await statusDefinition(tx, conv.workspaceId, conv.statusKey)).slaClock === 'run';
  const clocks = await tx.slaClock.findMany({ where: { conversationId: conv.id } });
  // The same plan the plain-SQL ingest path writes (plan-customer-message-clocks.ts), written here through Prisma.
  const plan = planCustomerMessageClocks({ policy, cal, running, conversation: conv, clocks, messageId: input.messageId, now: input.now, wall: new Date() });
  if (plan.created.length > 0) await tx.slaClock.createMany({ data: plan.created });
  for (const c of plan.resumed) {
    await tx.slaClock.update({ where: { id: c.id }, data: { status: c.status, runningSince: c.runningSince, dueAt: c.dueAt, metAt: c.metAt, version: c.version } });
  }
  return plan.timers;
}

export async function slaOnAgentReply(tx: Tx, input: { conversationId: string; now: Date }): Promise<void> {
  const { policy } = await ensurePolicy(tx, input.conversationId);
  if (!policy) return;
  const ctx = await contextFor(tx, policy, input.now);
  const clocks = await tx.slaClock.findMany({ where: { conversationId: input.conversationId, metric: { in: ['first_response', 'next_response'] } } });
  for (const c of clocks) await completeClock(ctx, c);
}

export async function slaOnStatusChange(tx: Tx, input: { conversation: Conversation; now: Date }): Promise<ClockTimer[]> {
  const { conversation: conv, now } = input;
  const clocks = (await tx.slaClock.findMany({ where: { conversationId: conv.id } })).filter((c) => live(c) || c.status === 'met');
  if (clocks.length === 0) return [];
  const policy = (await loadPolicies(tx, conv.workspaceId)).find((p) => p.id === clocks[0]!.policyId) ?? null;
  if (!policy) return [];
  const ctx = await contextFor(tx, policy, now);
  const behaviour = (await statusDefinition(tx, conv.workspaceId, conv.statusKey)).slaClock;
  const timers: (ClockTimer | null)[] = [];
  for (const c of clocks.filter(live)) {
    if (behaviour === 'pause') await pauseClock(ctx, c);
    else if (behaviour === 'run') timers.push(await resumeClock(ctx, c));
    else if (c.metric === 'resolution') await completeClock(ctx, c);
    else await cancelClock(ctx, c);
  }
  return timers.filter((t): t is ClockTimer => t !== null);
}

/** Priority, tags, team or tier changed: choose the policy again and move every live clock's target. */
export async function recomputeSla(tx: Tx, input: { conversationId: string; now: Date }): Promise<ClockTimer[]> {
  const { conv, policy } = await ensurePolicy(tx, input.conversationId);
  const clocks = (await tx.slaClock.findMany({ where: { conversationId: conv.id } })).filter(live);
  if (!policy || clocks.length === 0) return [];
  const ctx = await contextFor(tx, policy, input.now);
  const timers: (ClockTimer | null)[] = [];
  for (const c of clocks) {
    const seconds = targetSeconds(policy, conv.priority as Priority, c.metric);
    if (seconds === null) await cancelClock(ctx, c);
    else timers.push(await retargetClock(ctx, c, policy.id, seconds * 1000));
  }
  return timers.filter((t): t is ClockTimer => t !== null);
}
