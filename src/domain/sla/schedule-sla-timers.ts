// Turns clock timers into delayed BullMQ jobs: one per warning threshold and one for the breach.
// Jobs carry the clock's version; a clock that changed since ignores its old jobs.
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../log.ts';
import type { Queues } from '../../queues.ts';
import type { ClockTimer } from './sla-clocks.ts';

export async function scheduleSlaTimers(deps: { queues: Queues; clock: Clock; log: Logger }, timers: ClockTimer[]): Promise<void> {
  if (timers.length === 0) return;
  const now = deps.clock.now().getTime();
  const jobs = timers.flatMap((t) => [
    ...t.warnings.map((w) => ({ payload: { clockId: t.clockId, version: t.version, kind: 'warn' as const, beforeSeconds: w.beforeSeconds }, opts: { delay: Math.max(0, w.at.getTime() - now) } })),
    { payload: { clockId: t.clockId, version: t.version, kind: 'breach' as const }, opts: { delay: Math.max(0, t.dueAt.getTime() - now) } },
  ]);
  try {
    // One round trip for every timer of the change, rather than one per job.
    await deps.queues.enqueueMany('sla', jobs);
  } catch (err) {
    // The sla sweep finds running clocks past due without a job and fires them.
    deps.log.warn({ err, clockIds: timers.map((t) => t.clockId) }, 'could not schedule SLA timers');
  }
}
