// After a batch of routing decisions committed: the conversations' summaries loaded in one SQL
// statement (load-summaries.ts, not one by one), then the same events publishConversation sends for each, the offer's own
// event, and the step and offer timers, queued together.
import type { Deps } from '../../deps.ts';
import { toConversationSummary } from '../conversations/conversation-view.ts';
import { loadSummaryRows } from '../conversations/load-conversation-summary.ts';
import type { RouteOutcome } from './after-routing.ts';
import { toOfferView } from './offer-view.ts';

type Placed = Exclude<RouteOutcome, { status: 'skipped' }>;

export async function publishAssignments(deps: Pick<Deps, 'db' | 'publisher' | 'queues' | 'clock'>, outcomes: readonly RouteOutcome[]): Promise<void> {
  const placed = outcomes.filter((o): o is Placed => o.status !== 'skipped');
  if (placed.length === 0) return;
  const rows = await loadSummaryRows(deps.db, placed.map((o) => o.conversationId));
  const byId = new Map(rows.map((c) => [c.id, c]));
  const now = deps.clock.now().getTime();
  const timers: Promise<unknown>[] = [];
  for (const o of placed) {
    const c = byId.get(o.conversationId);
    if (!c) continue; // deleted since the decision committed: nobody to tell
    const summary = toConversationSummary(c);
    const alsoAgentIds = o.status === 'offered' ? [o.agentId] : undefined;
    const audience = { workspaceId: c.workspaceId, conversationId: c.id, teamId: c.teamId, assigneeId: c.assigneeId, alsoAgentIds };
    // The timeline entries of the change first, so a view that reloads on the summary has them.
    for (const entry of o.activity) deps.publisher.publish('conversation.activity', audience, entry);
    deps.publisher.publish(o.status === 'assigned' ? 'conversation.assigned' : 'conversation.updated', audience, summary);
    // A nudge for supervisor boards: queue numbers may have moved.
    deps.publisher.publishToSupervisors(c.workspaceId, 'queues.changed', { conversationId: c.id, queueId: c.queueId, at: summary.lastMessageAt });
    if (o.status === 'offered') {
      deps.publisher.publishToAgent(o.agentId, 'conversation.offered', toOfferView(summary, o.expiresAt));
      const token = `${o.agentId}-${o.expiresAt.getTime()}`;
      timers.push(deps.queues.enqueue('route', { kind: 'conversation', conversationId: o.conversationId, reason: 'offer-timeout', step: o.step, token }, { delay: o.expiresAt.getTime() - now }));
    }
    if (o.status === 'waiting' && o.timeoutAt) {
      const token = String(o.timeoutAt.getTime());
      timers.push(deps.queues.enqueue('route', { kind: 'conversation', conversationId: o.conversationId, reason: 'escalate', step: o.step, token }, { delay: o.timeoutAt.getTime() - now }));
    }
  }
  await Promise.all(timers);
}
