// What a change of SLA configuration does to the clocks already running: for each live clock, the
// policy it would belong to, its new target and its new due time. Pure: the preview shows the
// plan, saving writes it. Time already spent is counted in the calendar the clock ran under so
// far; what remains, in the new one from `now`.
import type { SlaClock } from '../../db/client.ts';
import { choosePolicy, targetSeconds } from './choose-policy.ts';
import { consumedMs, dueAt, type ClockState } from './clock-math.ts';
import type { LiveConversation } from './live-clocks.ts';
import type { Priority } from './policy-schema.ts';
import { calendarOf, type SlaConfig } from './sla-config.ts';

export interface ClockChange {
  conversationId: string;
  clock: SlaClock;
  /** The clock's policy after the change (the same one when only its calendar changed). */
  policyId: string;
  /** Business time spent so far, in the calendar the clock ran under. */
  elapsedMs: number;
  /** null: the new policy sets no target for this metric, so the clock is cancelled. */
  next: (ClockState & { dueAt: Date | null }) | null;
  /** Whether the customer-facing promise moves (due time, target, or no promise any more). */
  dueChanged: boolean;
}

export interface SlaPlan {
  changes: ClockChange[];
  /** Conversations whose chosen policy changes (written even when no due time moves). */
  policyMoves: { conversationId: string; policyId: string }[];
}

function sameDue(a: Date | null, b: Date | null, now: Date): boolean {
  if (a === null || b === null) return a === b;
  // Already overdue either way: the breach fires now whatever the exact instant.
  if (a <= now && b <= now) return true;
  return Math.abs(a.getTime() - b.getTime()) < 1000;
}

function planClock(input: { conv: LiveConversation; clock: SlaClock; policyId: string; current: SlaConfig; proposed: SlaConfig; now: Date }): ClockChange | null {
  const { conv, clock, policyId, current, proposed, now } = input;
  const policy = proposed.policies.find((p) => p.id === policyId)!;
  const seconds = targetSeconds(policy, conv.priority as Priority, clock.metric);
  const elapsedMs = consumedMs(calendarOf(current, clock.policyId), clock, now);
  if (seconds === null) return { conversationId: conv.id, clock, policyId, elapsedMs, next: null, dueChanged: true };
  const state: ClockState = { status: clock.status, targetMs: seconds * 1000, elapsedMs, runningSince: clock.status === 'running' ? now : null };
  const newDue = dueAt(calendarOf(proposed, policyId), state);
  const dueChanged = state.targetMs !== clock.targetMs || !sameDue(clock.dueAt, newDue, now);
  if (!dueChanged && policyId === clock.policyId) return null;
  return { conversationId: conv.id, clock, policyId, elapsedMs, next: { ...state, dueAt: newDue }, dueChanged };
}

export function planSlaChange(input: { conversations: LiveConversation[]; current: SlaConfig; proposed: SlaConfig; now: Date }): SlaPlan {
  const plan: SlaPlan = { changes: [], policyMoves: [] };
  for (const conv of input.conversations) {
    // No policy applies any more: the clocks keep the promise already made (as recomputeSla does).
    const policy = choosePolicy(input.proposed.policies, conv.facts);
    if (!policy) continue;
    if (policy.id !== conv.slaPolicyId) plan.policyMoves.push({ conversationId: conv.id, policyId: policy.id });
    for (const clock of conv.clocks) {
      const change = planClock({ ...input, conv, clock, policyId: policy.id });
      if (change) plan.changes.push(change);
    }
  }
  return plan;
}
