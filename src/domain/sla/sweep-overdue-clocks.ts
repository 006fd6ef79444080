// Safety net for SLA timers lost with Redis: running clocks already past due get their breach
// handled now (the handler is idempotent, so a job that also fires changes nothing).
import type { Deps } from '../../deps.ts';
import { handleSlaTimer } from './handle-sla-timer.ts';

export async function sweepOverdueClocks(deps: Deps, opts: { graceSeconds: number; limit?: number }): Promise<number> {
  const before = new Date(deps.clock.now().getTime() - opts.graceSeconds * 1000);
  const overdue = await deps.db.slaClock.findMany({ where: { status: 'running', dueAt: { lt: before } }, take: opts.limit ?? 200, select: { id: true, version: true } });
  let breached = 0;
  for (const c of overdue) {
    if ((await handleSlaTimer(deps, { clockId: c.id, version: c.version, kind: 'breach' })) === 'breached') breached++;
  }
  return breached;
}
