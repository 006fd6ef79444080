// The route worker's decision for one conversation: find its workflow filter and step, pick an
// agent with the shared policy, claim them atomically, and assign (or offer). With nobody free
// it waits in the step's queue until capacity frees or the step times out and the next applies.
import type { Deps } from '../../deps.ts';
import { costOf } from './capacity.ts';
import { claimAgent, loadCandidates, workspaceWeights } from './candidates.ts';
import { loadWorkflow, queueByName } from './load-workflow.ts';
import { matchFilter } from './match-filter.ts';
import { pickAgent, qualified } from './pick-agent.ts';
import { lastAgentOf, loadRoutingFacts } from './routing-facts.ts';
import { afterRouting, type RouteOutcome } from './after-routing.ts';

export type { RouteOutcome };

export async function routeConversation(deps: Deps, input: { conversationId: string; step?: number }): Promise<RouteOutcome> {
  const now = deps.clock.now();
  const outcome = await deps.db.$transaction(async (tx): Promise<RouteOutcome> => {
    await tx.$queryRaw`SELECT id FROM "Conversation" WHERE id = ${input.conversationId} FOR UPDATE`;
    const { conv, facts } = await loadRoutingFacts(tx, input.conversationId);
    if (conv.status !== 'open') return { status: 'skipped', reason: `conversation is ${conv.status}` };
    if (conv.assigneeId) return { status: 'skipped', reason: 'already assigned' };
    if (conv.offeredAgentId && conv.offerExpiresAt && conv.offerExpiresAt > now) return { status: 'skipped', reason: 'an offer is pending' };
    // An escalation for a step this conversation has already left is stale.
    if (input.step !== undefined && conv.routingStep !== null && input.step < conv.routingStep) return { status: 'skipped', reason: 'stale step' };

    const { workflow } = await loadWorkflow(tx, conv.workspaceId);
    const filter = matchFilter(workflow, facts);
    const cost = costOf(facts.channel, await workspaceWeights(tx, conv.workspaceId));
    const since = new Date(now.getTime() - workflow.lastAgentWindowHours * 3_600_000);
    const lastAgentId = await lastAgentOf(tx, { contactId: conv.contactId, excludeConversationId: conv.id, since });
    const candidates = await loadCandidates(tx, conv.workspaceId, now);
    const exclude = new Set(conv.declinedAgentIds ?? []);

    let stepIndex = Math.min(input.step ?? conv.routingStep ?? 0, filter.steps.length - 1);
    for (;;) {
      const step = filter.steps[stepIndex]!;
      const pickInput = { candidates, requirement: step.requirement, cost, lastAgentId, exclude: new Set(exclude) };
      const isLast = stepIndex === filter.steps.length - 1;
      if (step.skipIfNobodyAvailable && !isLast && qualified(pickInput).length === 0) {
        stepIndex++;
        continue;
      }
      const queue = await queueByName(tx, conv.workspaceId, step.queue);
      for (let agent = pickAgent(pickInput); agent; agent = pickAgent(pickInput)) {
        if (await claimAgent(tx, { workspaceId: conv.workspaceId, agentId: agent.agentId, cost, now })) {
          return afterRouting.claim(tx, { conv, queue, step: stepIndex, agentId: agent.agentId, now, filterName: filter.name });
        }
        pickInput.exclude.add(agent.agentId); // busy under lock or taken by another router: next best
      }
      return afterRouting.wait(tx, { conv, queue, step: stepIndex, isLast, timeoutSeconds: step.timeoutSeconds, now, filterName: filter.name });
    }
  });
  await afterRouting.commit(deps, outcome);
  return outcome;
}
