// Database operations on SLA clocks. Each returns the timers to (re)schedule once the surrounding
// transaction commits; a breach found while completing a clock is recorded here, exactly once.
import type { SlaClock, Tx } from '../../db/client.ts';
import type { BusinessCalendar } from './calendar.ts';
import { consumedMs, dueAt, warnAt } from './clock-math.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';

export interface ClockTimer {
  clockId: string;
  version: number;
  dueAt: Date;
  warnings: { at: Date; beforeSeconds: number }[];
}

export interface ClockContext {
  tx: Tx;
  cal: BusinessCalendar;
  now: Date;
  warnBeforeSeconds: number[];
}

export function timerFor(ctx: Pick<ClockContext, 'cal' | 'warnBeforeSeconds'>, c: SlaClock): ClockTimer | null {
  const due = dueAt(ctx.cal, c);
  if (!due) return null;
  const warnings = ctx.warnBeforeSeconds
    .map((s) => ({ at: warnAt(ctx.cal, c, s * 1000), beforeSeconds: s }))
    .filter((w): w is { at: Date; beforeSeconds: number } => w.at !== null);
  return { clockId: c.id, version: c.version, dueAt: due, warnings };
}

export async function pauseClock(ctx: ClockContext, c: SlaClock): Promise<void> {
  if (c.status !== 'running') return;
  await ctx.tx.slaClock.update({
    where: { id: c.id },
    data: { status: 'paused', elapsedMs: consumedMs(ctx.cal, c, ctx.now), runningSince: null, dueAt: null, version: { increment: 1 } },
  });
}

export async function resumeClock(ctx: ClockContext, c: SlaClock): Promise<ClockTimer | null> {
  if (c.status !== 'paused') return null;
  const next = { ...c, status: 'running' as const, runningSince: ctx.now, version: c.version + 1 };
  const updated = await ctx.tx.slaClock.update({
    where: { id: c.id },
    data: { status: 'running', runningSince: ctx.now, dueAt: dueAt(ctx.cal, next), version: { increment: 1 } },
  });
  return timerFor(ctx, updated);
}

/** Sets a new target (policy or priority changed) and returns the new timer for a running clock. */
export async function retargetClock(ctx: ClockContext, c: SlaClock, policyId: string, targetMs: number): Promise<ClockTimer | null> {
  if (c.status !== 'running' && c.status !== 'paused') return null;
  const elapsedMs = consumedMs(ctx.cal, c, ctx.now);
  const runningSince = c.status === 'running' ? ctx.now : null;
  const next = { ...c, targetMs, elapsedMs, runningSince };
  const updated = await ctx.tx.slaClock.update({
    where: { id: c.id },
    data: { policyId, targetMs, elapsedMs, runningSince, dueAt: dueAt(ctx.cal, next), warnedAt: null, version: { increment: 1 } },
  });
  return timerFor(ctx, updated);
}

/** The promise was kept (or, if time ran out before anyone noticed, broken: recorded as a breach). */
export async function completeClock(ctx: ClockContext, c: SlaClock): Promise<'met' | 'breached' | 'answered-late' | null> {
  if (c.status === 'breached') {
    if (!c.metAt) await ctx.tx.slaClock.update({ where: { id: c.id }, data: { metAt: ctx.now } });
    return 'answered-late';
  }
  if (c.status !== 'running' && c.status !== 'paused') return null;
  const consumed = consumedMs(ctx.cal, c, ctx.now);
  if (consumed <= c.targetMs) {
    await ctx.tx.slaClock.update({ where: { id: c.id }, data: { status: 'met', metAt: ctx.now, elapsedMs: consumed, runningSince: null, dueAt: null, version: { increment: 1 } } });
    return 'met';
  }
  await recordBreach(ctx.tx, c, ctx.now, { metAt: ctx.now, elapsedMs: consumed });
  return 'breached';
}

export async function cancelClock(ctx: ClockContext, c: SlaClock): Promise<void> {
  if (c.status !== 'running' && c.status !== 'paused') return;
  await ctx.tx.slaClock.update({ where: { id: c.id }, data: { status: 'cancelled', elapsedMs: consumedMs(ctx.cal, c, ctx.now), runningSince: null, dueAt: null, version: { increment: 1 } } });
}

/** Marks the clock breached and writes its one SlaBreach row (unique per clock) and its timeline entry. */
export async function recordBreach(tx: Tx, c: SlaClock, now: Date, extra: { metAt?: Date; elapsedMs?: number } = {}) {
  const due = c.dueAt ?? now;
  await tx.slaClock.update({ where: { id: c.id }, data: { status: 'breached', breachedAt: now, runningSince: null, dueAt: null, version: { increment: 1 }, ...extra } });
  const breach = await tx.slaBreach.create({
    data: { workspaceId: c.workspaceId, conversationId: c.conversationId, clockId: c.id, metric: c.metric, messageId: c.messageId, dueAt: due, breachedAt: now },
  });
  const entry = await recordConversationEvent(tx, {
    workspaceId: c.workspaceId,
    conversationId: c.conversationId,
    actorAgentId: null,
    at: now,
    activity: { kind: 'sla.breach', data: { metric: c.metric, dueAt: due.toISOString() } },
  });
  return { breach, entry };
}
