// Discrete-event simulation of one day of routing on a virtual clock: arrivals, shifts and breaks,
// work finishing, workflow step timeouts and SLA due checks. A Strategy decides who gets what;
// the engine only keeps time and state and logs what happened. Same inputs, same log.
import { costOf, defaultCapacityWeights } from '../domain/routing/capacity.ts';
import { matchFilter } from '../domain/routing/match-filter.ts';
import type { Candidate } from '../domain/routing/pick-agent.ts';
import type { Filter } from '../domain/routing/workflow-schema.ts';
import { addBusinessMs } from '../domain/sla/business-time.ts';
import { choosePolicy, targetSeconds } from '../domain/sla/choose-policy.ts';
import { assertNever } from '../errors.ts';
import { EventQueue } from './event-queue.ts';
import { HOUR_MS, type Scenario, type SimAgent, type SimConversation } from './model.ts';
import type { SimConfig } from './workflow.ts';

export interface AgentState extends Candidate {
  readonly agent: SimAgent;
  inShift: boolean;
  /** Breaks currently running (a counter, so touching or overlapping breaks stay correct). */
  breaksRunning: number;
}

export interface ConvState {
  readonly conv: SimConversation;
  readonly filter: Filter;
  readonly cost: number;
  /** First-response target in business ms, and the instant it falls due; null/Infinity without a policy. */
  readonly targetMs: number | null;
  readonly dueMs: number;
  /** The previous agent when still inside the workflow's preference window. */
  readonly lastAgentId: string | null;
  step: number;
  assignedAt: number | null;
  agentId: string | null;
}

export interface Strategy {
  readonly name: string;
  /** Negative when `a` should be offered to agents before `b`. */
  compare(a: ConvState, b: ConvState): number;
  /** The id of the agent to take `c` now, or null to keep it waiting; may move `c` a step on. */
  choose(c: ConvState, agents: readonly AgentState[], ctx: { escalate(c: ConvState): void }): string | null;
}

export interface Assignment {
  convId: string;
  agentId: string;
  at: number;
  /** The workflow step the conversation was at when assigned. */
  step: number;
  cost: number;
  doneAt: number;
}

export interface SimulationLog {
  strategy: string;
  conversations: ConvState[];
  assignments: Assignment[];
  breaches: { convId: string; at: number }[];
}

type SimEvent =
  | { kind: 'arrival'; conv: ConvState }
  | { kind: 'shift-start' | 'shift-end' | 'break-start' | 'break-end'; agent: AgentState }
  | { kind: 'work-done'; agent: AgentState; cost: number }
  | { kind: 'step-timeout'; conv: ConvState; step: number }
  | { kind: 'sla-due'; conv: ConvState };

export function runEngine(input: { scenario: Scenario; config: SimConfig; strategy: Strategy }): SimulationLog {
  return new Engine(input.scenario, input.config, input.strategy).run();
}

class Engine {
  private readonly events = new EventQueue<SimEvent>();
  private readonly agents: AgentState[];
  private readonly byId = new Map<string, AgentState>();
  private readonly conversations: ConvState[];
  private waiting: ConvState[] = [];
  private readonly log: SimulationLog;
  private now = 0;

  constructor(
    private readonly scenario: Scenario,
    private readonly config: SimConfig,
    private readonly strategy: Strategy,
  ) {
    this.agents = scenario.agents.map((agent) => ({
      agent,
      agentId: agent.id,
      online: false,
      capacity: agent.capacity,
      load: 0,
      skills: agent.skills,
      teamIds: agent.teamIds,
      lastAssignedAt: null,
      inShift: false,
      breaksRunning: 0,
    }));
    for (const a of this.agents) this.byId.set(a.agentId, a);
    this.conversations = scenario.conversations.map((conv) => this.admit(conv));
    this.log = { strategy: strategy.name, conversations: this.conversations, assignments: [], breaches: [] };
  }

  run(): SimulationLog {
    for (const a of this.agents) {
      this.events.push(a.agent.shift.start, { kind: 'shift-start', agent: a });
      this.events.push(a.agent.shift.end, { kind: 'shift-end', agent: a });
      for (const b of a.agent.breaks) {
        this.events.push(b.start, { kind: 'break-start', agent: a });
        this.events.push(b.end, { kind: 'break-end', agent: a });
      }
    }
    for (const conv of this.conversations) this.events.push(conv.conv.arrivalMs, { kind: 'arrival', conv });
    for (let next = this.events.pop(); next && next.at < this.scenario.dayMs; next = this.events.pop()) {
      this.now = next.at;
      if (this.handle(next.event)) this.dispatch();
    }
    return this.log;
  }

  /** Routing and SLA facts fixed at arrival: the workflow filter, the policy target and due time. */
  private admit(conv: SimConversation): ConvState {
    const { workflow, policies } = this.config;
    const policy = choosePolicy(policies, conv.policy);
    const seconds = policy ? targetSeconds(policy, conv.priority, 'first_response') : null;
    const targetMs = seconds === null ? null : seconds * 1000;
    const { dayStart, calendar } = this.scenario;
    const arrival = new Date(dayStart.getTime() + conv.arrivalMs);
    const dueMs = targetMs === null ? Infinity : addBusinessMs(calendar, arrival, targetMs).getTime() - dayStart.getTime();
    const previous = conv.previousAgent;
    const recent = previous !== null && conv.arrivalMs - previous.at <= workflow.lastAgentWindowHours * HOUR_MS;
    return {
      conv,
      filter: matchFilter(workflow, conv.routing),
      cost: costOf(conv.channel, defaultCapacityWeights),
      targetMs,
      dueMs,
      lastAgentId: recent ? previous.agentId : null,
      step: 0,
      assignedAt: null,
      agentId: null,
    };
  }

  /** Applies one event; true when assignments may now be possible. */
  private handle(event: SimEvent): boolean {
    switch (event.kind) {
      case 'arrival':
        this.enqueue(event.conv);
        return true;
      case 'shift-start':
      case 'shift-end':
      case 'break-start':
      case 'break-end':
        return this.changePresence(event.agent, event.kind);
      case 'work-done':
        event.agent.load -= event.cost;
        return event.agent.online;
      case 'step-timeout':
        if (event.conv.assignedAt !== null || event.conv.step !== event.step) return false;
        this.escalate(event.conv);
        return true;
      case 'sla-due':
        if (event.conv.assignedAt === null) this.log.breaches.push({ convId: event.conv.conv.id, at: this.now });
        return false;
      default:
        return assertNever(event, 'simulation event');
    }
  }

  private enqueue(conv: ConvState): void {
    const steps = conv.filter.steps;
    if (steps.length > 1) this.events.push(this.now + steps[0]!.timeoutSeconds * 1000, { kind: 'step-timeout', conv, step: 0 });
    if (Number.isFinite(conv.dueMs)) this.events.push(conv.dueMs, { kind: 'sla-due', conv });
    // Insert after every conversation that does not come later, so ties keep arrival order.
    let lo = 0;
    let hi = this.waiting.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.strategy.compare(this.waiting[mid]!, conv) <= 0) lo = mid + 1;
      else hi = mid;
    }
    this.waiting.splice(lo, 0, conv);
  }

  /** Moves a waiting conversation to its filter's next step and starts that step's timer. */
  private readonly escalate = (conv: ConvState): void => {
    const steps = conv.filter.steps;
    if (conv.step >= steps.length - 1) return;
    conv.step += 1;
    if (conv.step < steps.length - 1) {
      this.events.push(this.now + steps[conv.step]!.timeoutSeconds * 1000, { kind: 'step-timeout', conv, step: conv.step });
    }
  };

  private changePresence(agent: AgentState, kind: 'shift-start' | 'shift-end' | 'break-start' | 'break-end'): boolean {
    if (kind === 'shift-start' || kind === 'shift-end') agent.inShift = kind === 'shift-start';
    else agent.breaksRunning += kind === 'break-start' ? 1 : -1;
    const wasOnline = agent.online;
    agent.online = agent.inShift && agent.breaksRunning === 0;
    // pickAgent counts idle time from the last assignment or from coming online.
    if (agent.online && !wasOnline) agent.lastAssignedAt = this.now;
    return agent.online && !wasOnline;
  }

  /** Offers every waiting conversation, in the strategy's order, to the strategy's choice of agent. */
  private dispatch(): void {
    if (this.waiting.length === 0 || !this.agents.some((a) => a.online)) return;
    const ctx = { escalate: this.escalate };
    let assigned = false;
    for (const conv of this.waiting) {
      const agentId = this.strategy.choose(conv, this.agents, ctx);
      if (agentId === null) continue;
      this.assign(conv, agentId);
      assigned = true;
    }
    if (assigned) this.waiting = this.waiting.filter((c) => c.assignedAt === null);
  }

  private assign(conv: ConvState, agentId: string): void {
    const agent = this.byId.get(agentId);
    if (!agent) throw new Error(`strategy ${this.strategy.name} chose unknown agent ${agentId}`);
    const doneAt = this.now + conv.conv.handleMs;
    agent.load += conv.cost;
    agent.lastAssignedAt = this.now;
    conv.assignedAt = this.now;
    conv.agentId = agentId;
    this.log.assignments.push({ convId: conv.conv.id, agentId, at: this.now, step: conv.step, cost: conv.cost, doneAt });
    this.events.push(doneAt, { kind: 'work-done', agent, cost: conv.cost });
  }
}
