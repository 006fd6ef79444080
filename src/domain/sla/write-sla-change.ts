// Writes a planned SLA change inside the caller's transaction and returns the timers to schedule
// after commit. A clock that changed since it was planned (its version moved) is left alone: the
// event that moved it recomputed it already.
import type { Tx } from '../../db/client.ts';
import type { SlaPlan } from './plan-sla-change.ts';
import { calendarOf, type SlaConfig } from './sla-config.ts';
import { timerFor, type ClockTimer } from './sla-clocks.ts';

export async function writeSlaChange(tx: Tx, plan: SlaPlan, proposed: SlaConfig): Promise<ClockTimer[]> {
  const timers: ClockTimer[] = [];
  for (const move of plan.policyMoves) await tx.conversation.update({ where: { id: move.conversationId }, data: { slaPolicyId: move.policyId } });
  for (const { clock, policyId, elapsedMs, next } of plan.changes) {
    const where = { id: clock.id, version: clock.version };
    if (next === null) {
      await tx.slaClock.updateMany({ where, data: { status: 'cancelled', elapsedMs, runningSince: null, dueAt: null, version: { increment: 1 } } });
      continue;
    }
    const data = { policyId, targetMs: next.targetMs, elapsedMs, runningSince: next.runningSince, dueAt: next.dueAt, warnedAt: null };
    const { count } = await tx.slaClock.updateMany({ where, data: { ...data, version: { increment: 1 } } });
    if (count === 0) continue;
    const policy = proposed.policies.find((p) => p.id === policyId)!;
    const timer = timerFor({ cal: calendarOf(proposed, policyId), warnBeforeSeconds: policy.warnBeforeSeconds }, { ...clock, ...data, version: clock.version + 1 });
    if (timer) timers.push(timer);
  }
  return timers;
}
