// Statuses that move on by themselves: snoozed conversations wake up at snoozedUntil, and a status
// with autoAfterSeconds (e.g. pending on the customer for 7 days) moves to its autoToKey.
import type { Deps } from '../../deps.ts';
import { transitionStatus } from './change-status.ts';
import { statusDefinition } from './status-definitions.ts';

export async function runStatusTimers(deps: Deps, opts: { limit?: number } = {}): Promise<number> {
  const now = deps.clock.now();
  const limit = opts.limit ?? 200;
  let moved = 0;
  const waking = await deps.db.conversation.findMany({ where: { status: 'snoozed', snoozedUntil: { lte: now } }, take: limit });
  for (const c of waking) {
    const def = await statusDefinition(deps.db, c.workspaceId, c.statusKey);
    await transitionStatus(deps, { conversation: c, def: await statusDefinition(deps.db, c.workspaceId, def.autoToKey ?? 'open'), snoozedUntil: null, actorAgentId: null });
    moved++;
  }
  const timed = await deps.db.statusDefinition.findMany({ where: { autoAfterSeconds: { not: null }, autoToKey: { not: null }, category: { not: 'snoozed' } } });
  for (const def of timed) {
    const cutoff = new Date(now.getTime() - def.autoAfterSeconds! * 1000);
    const due = await deps.db.conversation.findMany({ where: { workspaceId: def.workspaceId, statusKey: def.key, statusChangedAt: { lte: cutoff } }, take: limit });
    const target = await statusDefinition(deps.db, def.workspaceId, def.autoToKey!);
    for (const c of due) {
      await transitionStatus(deps, { conversation: c, def: target, snoozedUntil: null, actorAgentId: null });
      moved++;
    }
  }
  return moved;
}
