// One edit of the SLA configuration (a policy or a calendar, as it would be saved) planned against
// the clocks now running: the preview shows the plan's impact and the save writes the same plan.
import type { Db, Tx } from '../../db/client.ts';
import type { BusinessCalendar } from './calendar.ts';
import { loadLiveClocks, type LiveConversation } from './live-clocks.ts';
import type { LoadedPolicy } from './load-policy.ts';
import { planSlaChange, type SlaPlan } from './plan-sla-change.ts';
import type { PolicyDefinition } from './policy-schema.ts';
import { loadSlaConfig, withCalendar, withPolicy, type SlaConfig } from './sla-config.ts';
import type { SlaImpact } from './sla-impact-view.ts';

export type SlaEdit = { policy: LoadedPolicy } | { calendar: { id: string; definition: BusinessCalendar } };

export interface PlannedEdit {
  plan: SlaPlan;
  proposed: SlaConfig;
  impact: SlaImpact;
}

/** A policy as it would be saved; `id` is the stored one, or one that sorts after every stored id. */
export function toProposedPolicy(id: string | null, p: PolicyDefinition): LoadedPolicy {
  return { id: id ?? '~new', name: p.name, position: p.position, active: p.active, conditions: p.conditions, targets: p.targets, calendarId: p.calendarId, warnBeforeSeconds: p.warnBeforeSeconds, escalation: p.escalation };
}

const EXAMPLES = 5;

/** A save rewrites every live clock it moves in one transaction: give it longer than Prisma's 5 s. */
export const SLA_TX = { timeout: 60_000, maxWait: 10_000 };

function impactOf(plan: SlaPlan, numbers: ReadonlyMap<string, number>): SlaImpact {
  const moved = plan.changes.filter((c) => c.dueChanged);
  return {
    conversations: new Set(moved.map((c) => c.conversationId)).size,
    clocks: moved.length,
    examples: moved.slice(0, EXAMPLES).map((c) => ({
      conversationId: c.conversationId,
      number: numbers.get(c.conversationId) ?? 0,
      metric: c.clock.metric,
      dueAt: c.clock.dueAt,
      newDueAt: c.next?.dueAt ?? null,
      cancelled: c.next === null,
    })),
  };
}

export interface SlaState {
  current: SlaConfig;
  conversations: LiveConversation[];
}

/** The configuration and the live clocks as they are (read before an edit is written). */
export async function loadSlaState(db: Db | Tx, workspaceId: string): Promise<SlaState> {
  const [current, conversations] = await Promise.all([loadSlaConfig(db, workspaceId), loadLiveClocks(db, workspaceId)]);
  return { current, conversations };
}

export function planEdit(state: SlaState, edit: SlaEdit, now: Date): PlannedEdit {
  const { current, conversations } = state;
  const proposed = 'policy' in edit ? withPolicy(current, edit.policy) : withCalendar(current, edit.calendar.id, edit.calendar.definition);
  const plan = planSlaChange({ conversations, current, proposed, now });
  return { plan, proposed, impact: impactOf(plan, new Map(conversations.map((c) => [c.id, c.number]))) };
}
