// The routing decisions for a batch of conversations of one workspace, pure: each conversation in
// order gets exactly what `routeConversation` alone would decide at that moment, against one
// snapshot of the agents whose loads (and idle times) move as the batch assigns, so the batch and
// the one-at-a-time router (and the simulation, through pickAgent) follow the same policy.
import { costOf, type CapacityWeights } from './capacity.ts';
import { matchFilter, type RoutingFacts } from './match-filter.ts';
import { pickAgent, qualified, type Candidate } from './pick-agent.ts';
import type { Workflow } from './workflow-schema.ts';

/** A conversation as routing reads it, locked for the decision. */
export interface RoutingConversation {
  id: string;
  workspaceId: string;
  contactId: string;
  status: string;
  assigneeId: string | null;
  offeredAgentId: string | null;
  offerExpiresAt: Date | null;
  routingStep: number | null;
  queueId: string | null;
  queuedAt: Date | null;
  teamId: string | null;
  declinedAgentIds: string[];
  facts: RoutingFacts;
  /** The agent whose reply to this contact is the latest within the window (wins over assignments). */
  lastAgentByMessage: string | null;
  /** The latest other conversation of this contact assigned before the batch, within the window. */
  lastAssignedOther: { assigneeId: string; lastMessageAt: number } | null;
  lastMessageAt: number;
}

export interface RoutingQueue {
  id: string;
  name: string;
  teamId: string | null;
  mode: 'push' | 'offer';
  offerTimeoutSeconds: number;
}

interface Placed {
  conv: RoutingConversation;
  queue: RoutingQueue;
  step: number;
  filterName: string;
}

export type Decision =
  | { kind: 'skip'; conversationId: string; reason: string }
  | (Placed & { kind: 'assign'; agentId: string })
  | (Placed & { kind: 'offer'; agentId: string })
  | (Placed & { kind: 'wait'; isLast: boolean; timeoutSeconds: number });

export interface BatchInput {
  requests: readonly { conv: RoutingConversation; step?: number }[];
  workflow: Workflow;
  weights: CapacityWeights;
  /** The snapshot: loads and lastAssignedAt are updated in place as the batch assigns. */
  candidates: Candidate[];
  queueByName: (name: string) => RoutingQueue;
  now: Date;
}

export function decideBatch(input: BatchInput): Decision[] {
  const now = input.now.getTime();
  const byId = new Map(input.candidates.map((c) => [c.agentId, c]));
  // Assignments made earlier in this batch, per contact: the one-at-a-time router would see them.
  const assignedInBatch = new Map<string, { assigneeId: string; lastMessageAt: number }[]>();
  const since = now - input.workflow.lastAgentWindowHours * 3_600_000;
  let assignedCount = 0;
  return input.requests.map(({ conv, step }) => {
    const skip = skipReason(conv, step, input.now);
    if (skip) return { kind: 'skip', conversationId: conv.id, reason: skip };
    const decision = decideOne(conv, step, input, lastAgentOf(conv, assignedInBatch.get(conv.contactId) ?? [], since));
    if (decision.kind === 'assign' || decision.kind === 'offer') {
      const agent = byId.get(decision.agentId)!;
      agent.load += costOf(conv.facts.channel, input.weights);
      if (decision.kind === 'assign') {
        // Later in the batch is later, as it would be one at a time (the idle-longest tie-break);
        // the microseconds stay in memory (1e-3 ms steps: finer ones vanish in a double at this
        // magnitude), the row gets the batch's time.
        agent.lastAssignedAt = now + ++assignedCount / 1e3;
        const list = assignedInBatch.get(conv.contactId) ?? [];
        list.push({ assigneeId: decision.agentId, lastMessageAt: conv.lastMessageAt });
        assignedInBatch.set(conv.contactId, list);
      }
    }
    return decision;
  });
}

function skipReason(conv: RoutingConversation, step: number | undefined, now: Date): string | null {
  if (conv.status !== 'open') return `conversation is ${conv.status}`;
  if (conv.assigneeId) return 'already assigned';
  if (conv.offeredAgentId && conv.offerExpiresAt && conv.offerExpiresAt > now) return 'an offer is pending';
  // An escalation for a step this conversation has already left is stale.
  if (step !== undefined && conv.routingStep !== null && step < conv.routingStep) return 'stale step';
  return null;
}

function lastAgentOf(conv: RoutingConversation, earlier: readonly { assigneeId: string; lastMessageAt: number }[], since: number): string | null {
  if (conv.lastAgentByMessage) return conv.lastAgentByMessage;
  let best = conv.lastAssignedOther;
  for (const e of earlier) if (e.lastMessageAt >= since && (!best || e.lastMessageAt > best.lastMessageAt)) best = e;
  return best?.assigneeId ?? null;
}

function decideOne(conv: RoutingConversation, requestedStep: number | undefined, input: BatchInput, lastAgentId: string | null): Decision {
  const filter = matchFilter(input.workflow, conv.facts);
  const cost = costOf(conv.facts.channel, input.weights);
  const exclude = new Set(conv.declinedAgentIds);
  let stepIndex = Math.min(requestedStep ?? conv.routingStep ?? 0, filter.steps.length - 1);
  for (;;) {
    const step = filter.steps[stepIndex]!;
    const pickInput = { candidates: input.candidates, requirement: step.requirement, cost, lastAgentId, exclude };
    const isLast = stepIndex === filter.steps.length - 1;
    if (step.skipIfNobodyAvailable && !isLast && qualified(pickInput).length === 0) {
      stepIndex++;
      continue;
    }
    const queue = input.queueByName(step.queue);
    const placed = { conv, queue, step: stepIndex, filterName: filter.name };
    const agent = pickAgent(pickInput);
    if (agent) return queue.mode === 'offer' ? { ...placed, kind: 'offer', agentId: agent.agentId } : { ...placed, kind: 'assign', agentId: agent.agentId };
    return { ...placed, kind: 'wait', isLast, timeoutSeconds: step.timeoutSeconds };
  }
}
