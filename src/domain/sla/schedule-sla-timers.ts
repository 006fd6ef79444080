// Turns clock timers into delayed BullMQ jobs: one per warning threshold and one for the breach.
// Jobs carry the clock's version; a clock that changed since ignores its old jobs.
import type { Clock } from '../../clock.ts';
import type { Logger } from '../../log.ts';
import type { Queues } from '../../queues.ts';
import type { ClockTimer } from './sla-clocks.ts';

export async function scheduleSlaTimers(deps: { queues: Queues; clock: Clock; log: Logger }, timers: ClockTimer[]): Promise<void> {
  const now = deps.clock.now().getTime();
  for (const t of timers) {
    try {
      for (const w of t.warnings) {
        await deps.queues.enqueue('sla', { clockId: t.clockId, version: t.version, kind: 'warn', beforeSeconds: w.beforeSeconds }, { delay: Math.max(0, w.at.getTime() - now) });
      }
      await deps.queues.enqueue('sla', { clockId: t.clockId, version: t.version, kind: 'breach' }, { delay: Math.max(0, t.dueAt.getTime() - now) });
    } catch (err) {
      // The sla sweep finds running clocks past due without a job and fires them.
      deps.log.warn({ err, clockId: t.clockId }, 'could not schedule SLA timer');
    }
  }
}
