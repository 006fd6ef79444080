// The assignment policy, pure so the route worker and the simulation share it: among agents who
// meet the requirement, are online and have room for this conversation's cost, prefer the agent
// who last helped the contact, then the least loaded, ties to the one idle longest.
import type { Requirement } from './workflow-schema.ts';

export interface Candidate {
  agentId: string;
  online: boolean;
  capacity: number;
  load: number;
  skills: ReadonlyMap<string, number>;
  teamIds: readonly string[];
  /** When the agent last got work (or came online); older means idle longer. */
  lastAssignedAt: number | null;
}

export interface PickInput {
  candidates: readonly Candidate[];
  requirement: Requirement;
  cost: number;
  /** The agent who last helped this contact within the preference window, if any. */
  lastAgentId: string | null;
  exclude?: ReadonlySet<string>;
}

export function meetsRequirement(c: Candidate, r: Requirement, lastAgentId: string | null): boolean {
  if (r.teamId && !c.teamIds.includes(r.teamId)) return false;
  if (r.lastAgent && c.agentId !== lastAgentId) return false;
  return r.skills.every((s) => (c.skills.get(s.skill) ?? 0) >= s.minLevel);
}

export const hasRoom = (c: Candidate, cost: number) => c.load + cost <= c.capacity;

/** Agents who could take it if they had room: used for "skip if nobody available". */
export function qualified(input: PickInput): Candidate[] {
  return input.candidates.filter((c) => c.online && !input.exclude?.has(c.agentId) && meetsRequirement(c, input.requirement, input.lastAgentId));
}

/**
 * One pass over the candidates, no intermediate lists: a batch decides each of its conversations
 * against every online agent (50 x 500 here), so this loop is most of a batch's own CPU.
 */
export function pickAgent(input: PickInput): Candidate | null {
  let best: Candidate | null = null;
  for (const c of input.candidates) {
    if (!c.online || input.exclude?.has(c.agentId) || !meetsRequirement(c, input.requirement, input.lastAgentId) || !hasRoom(c, input.cost)) continue;
    // The agent who last helped the contact wins whenever they qualify and have room.
    if (input.lastAgentId !== null && c.agentId === input.lastAgentId) return c;
    if (best === null || compare(c, best) < 0) best = c;
  }
  return best;
}

function compare(a: Candidate, b: Candidate): number {
  const ratio = a.load / a.capacity - b.load / b.capacity;
  if (Math.abs(ratio) > 1e-9) return ratio;
  const idleA = a.lastAssignedAt ?? -Infinity;
  const idleB = b.lastAssignedAt ?? -Infinity;
  if (idleA !== idleB) return idleA - idleB;
  return a.agentId < b.agentId ? -1 : 1;
}
