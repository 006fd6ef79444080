// An agent's presence as the API and the `agent.presence` event show it. Node-free (src/contract).
import type { Agent } from '../../db/model-types.ts';

/** POST /api/me/presence, and part of GET /api/me. */
export function toAgentPresence(a: Pick<Agent, 'presence' | 'presenceChangedAt'>) {
  return { presence: a.presence, presenceChangedAt: a.presenceChangedAt.toISOString() };
}

export type AgentPresence = ReturnType<typeof toAgentPresence>;

/** The realtime `agent.presence` event: who, what, when. */
export function toPresenceEvent(a: Pick<Agent, 'id' | 'presence'>, at: Date) {
  return { agentId: a.id, presence: a.presence, at: at.toISOString() };
}

export type PresenceEvent = ReturnType<typeof toPresenceEvent>;
