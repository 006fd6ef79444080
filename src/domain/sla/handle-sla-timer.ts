// Fires an SLA warning or breach. Under a row lock on the clock, a stale job (the clock moved on)
// does nothing, and a breach is written once; then the policy's escalation runs.
import type { SlaMetric } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { publishConversation } from '../conversations/publish-conversation.ts';
import { recordConversationEvent } from '../conversations/record-conversation-event.ts';
import type { ConversationEventView } from '../conversations/conversation-event-view.ts';
import { notifyAgents } from '../notifications/notify-agents.ts';
import { consumedMs } from './clock-math.ts';
import { loadCalendar, loadPolicies } from './load-policy.ts';
import { recordBreach, timerFor } from './sla-clocks.ts';
import { escalateBreach } from './escalate-breach.ts';
import { scheduleSlaTimers } from './schedule-sla-timers.ts';

export type TimerOutcome = 'stale' | 'warned' | 'breached' | 'rescheduled' | 'already';

export async function handleSlaTimer(deps: Deps, job: { clockId: string; version: number; kind: 'warn' | 'breach'; beforeSeconds?: number }): Promise<TimerOutcome> {
  const now = deps.clock.now();
  const result = await deps.db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "SlaClock" WHERE id = ${job.clockId} FOR UPDATE`;
    const clock = await tx.slaClock.findUnique({ where: { id: job.clockId } });
    if (!clock || clock.version !== job.version || clock.status !== 'running') return { outcome: 'stale' as const };
    const policy = (await loadPolicies(tx, clock.workspaceId)).find((p) => p.id === clock.policyId);
    const cal = await loadCalendar(tx, policy?.calendarId ?? null);
    if (job.kind === 'warn') {
      if (clock.warnedAt) return { outcome: 'already' as const };
      await tx.slaClock.update({ where: { id: clock.id }, data: { warnedAt: now } });
      const entry = await recordConversationEvent(tx, {
        workspaceId: clock.workspaceId,
        conversationId: clock.conversationId,
        actorAgentId: null,
        at: now,
        activity: { kind: 'sla.warning', data: { metric: clock.metric, dueAt: clock.dueAt?.toISOString() ?? null } },
      });
      return { outcome: 'warned' as const, clock, entry };
    }
    // A job can fire a little early (clock skew between machines): check the business time used.
    if (consumedMs(cal, clock, now) < clock.targetMs - 1000) {
      return { outcome: 'rescheduled' as const, timer: timerFor({ cal, warnBeforeSeconds: [] }, clock) };
    }
    const { breach, entry } = await recordBreach(tx, clock, now);
    return { outcome: 'breached' as const, clock, breach, entry, escalation: policy?.escalation };
  });
  if (result.outcome === 'rescheduled' && result.timer) await scheduleSlaTimers(deps, [result.timer]);
  if (result.outcome === 'warned') await warnAboutClock(deps, { ...result.clock, beforeSeconds: job.beforeSeconds ?? 0, entry: result.entry });
  if (result.outcome === 'breached') {
    deps.metrics.slaBreach(result.clock.metric);
    await escalateBreach(deps, { breachId: result.breach.id, conversationId: result.clock.conversationId, escalation: result.escalation, entry: result.entry });
  }
  return result.outcome;
}

async function warnAboutClock(deps: Deps, i: { conversationId: string; metric: SlaMetric; beforeSeconds: number; entry: ConversationEventView }): Promise<void> {
  const { conversationId, metric, beforeSeconds } = i;
  const conv = await deps.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { team: true } });
  const to = conv.assigneeId ? [conv.assigneeId] : conv.team?.leadAgentId ? [conv.team.leadAgentId] : null;
  await notifyAgents(deps, { workspaceId: conv.workspaceId, agentIds: to, kind: 'sla.warning', conversationId, data: { metric, minutesLeft: Math.round(beforeSeconds / 60), number: conv.number } });
  await publishConversation(deps, conversationId, 'conversation.updated', { activity: [i.entry] });
}
