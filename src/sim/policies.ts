// The two assignment strategies the simulation compares. `parley` is Parley's policy: the real
// workflow steps (relaxing over time) with pickAgent, urgent and soon-due work first. `roundRobin`
// is the usual inbox default: first come first served, agents in a fixed rotation.
import { hasRoom, meetsRequirement, pickAgent, qualified, type PickInput } from '../domain/routing/pick-agent.ts';
import { priorities, type Priority } from '../domain/sla/policy-schema.ts';
import type { ConvState, Strategy } from './engine.ts';

export const strategyNames = ['parley', 'roundRobin'] as const;
export type StrategyName = (typeof strategyNames)[number];

/** urgent 0 ... low 3 */
const urgency = (p: Priority) => priorities.length - 1 - priorities.indexOf(p);

const byArrival = (a: ConvState, b: ConvState) => a.conv.arrivalMs - b.conv.arrivalMs || (a.conv.id < b.conv.id ? -1 : a.conv.id > b.conv.id ? 1 : 0);

/** Priority, then the SLA due time (no target sorts last), then arrival. */
function byUrgency(a: ConvState, b: ConvState): number {
  const priority = urgency(a.conv.priority) - urgency(b.conv.priority);
  if (priority !== 0) return priority;
  if (a.dueMs !== b.dueMs) return a.dueMs < b.dueMs ? -1 : 1;
  return byArrival(a, b);
}

export function createParley(): Strategy {
  return {
    name: 'parley',
    compare: byUrgency,
    choose(conv, agents, { escalate }) {
      // Each pass either picks an agent, gives up, or moves the conversation one step on.
      for (;;) {
        const step = conv.filter.steps[conv.step]!;
        const input: PickInput = { candidates: agents, requirement: step.requirement, cost: conv.cost, lastAgentId: conv.lastAgentId };
        const picked = pickAgent(input);
        if (picked) return picked.agentId;
        const last = conv.step >= conv.filter.steps.length - 1;
        if (last || !step.skipIfNobodyAvailable || qualified(input).length > 0) return null;
        escalate(conv);
      }
    },
  };
}

/**
 * Round robin as most inboxes ship it: the oldest waiting conversation first, handed to the next
 * agent in a fixed rotation who is online, has the skills the conversation's queue asks for and
 * has room. Requirements never relax; priority, SLA and the previous agent play no part.
 */
export function createRoundRobin(): Strategy {
  let cursor = 0;
  return {
    name: 'roundRobin',
    compare: byArrival,
    choose(conv, agents) {
      const requirement = conv.filter.steps[0]!.requirement;
      for (let i = 0; i < agents.length; i++) {
        const index = (cursor + i) % agents.length;
        const agent = agents[index]!;
        if (agent.online && meetsRequirement(agent, requirement, null) && hasRoom(agent, conv.cost)) {
          cursor = (index + 1) % agents.length;
          return agent.agentId;
        }
      }
      return null;
    },
  };
}

export const strategies: Record<StrategyName, () => Strategy> = { parley: createParley, roundRobin: createRoundRobin };
