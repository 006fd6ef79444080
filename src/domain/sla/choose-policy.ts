// Which SLA policy a conversation gets: the first active one (by position) whose conditions hold,
// and the target for a metric at the conversation's priority.
import type { ChannelKind } from '../../../channels/types.ts';
import type { PolicyConditions, Priority, SlaMetricName } from './policy-schema.ts';

export interface PolicyFacts {
  channel: ChannelKind;
  contactTier: string | null;
  tags: string[];
  teamId: string | null;
}

export interface PolicyLike {
  id: string;
  position: number;
  active: boolean;
  conditions: PolicyConditions;
  targets: Partial<Record<Priority, Partial<Record<SlaMetricName, number>>>>;
}

export function policyApplies(c: PolicyConditions, f: PolicyFacts): boolean {
  if (c.channel && !c.channel.includes(f.channel)) return false;
  if (c.contactTier && (f.contactTier === null || !c.contactTier.includes(f.contactTier))) return false;
  if (c.tags && !c.tags.some((t) => f.tags.includes(t))) return false;
  if (c.teamId && (f.teamId === null || !c.teamId.includes(f.teamId))) return false;
  return true;
}

export function choosePolicy<P extends PolicyLike>(policies: readonly P[], facts: PolicyFacts): P | null {
  const ordered = [...policies].filter((p) => p.active).sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1));
  return ordered.find((p) => policyApplies(p.conditions, facts)) ?? null;
}

/** Target in seconds, falling back to the nearest stated priority (urgent -> high -> normal -> low). */
export function targetSeconds(policy: PolicyLike, priority: Priority, metric: SlaMetricName): number | null {
  const order: Priority[] = ['urgent', 'high', 'normal', 'low'];
  const start = order.indexOf(priority);
  for (const p of [...order.slice(start), ...order.slice(0, start).reverse()]) {
    const t = policy.targets[p]?.[metric];
    if (t !== undefined) return t;
  }
  return null;
}
