// Realtime event names and who receives them. Rooms encode visibility: supervisors see the whole
// workspace; agents see their team's and unteamed conversations and whatever is assigned to them.
// The events and their payloads are agent-protocol.ts's.
import type { ServerEventName, ServerToClientEvents } from './agent-protocol.ts';

/** Events about a conversation, for everyone who may see it. */
export type RealtimeEventName = Extract<ServerEventName, 'conversation.created' | 'conversation.updated' | 'message.created' | 'message.updated' | 'conversation.assigned' | 'conversation.activity'>;

export interface ConversationAudience {
  workspaceId: string;
  conversationId: string;
  teamId: string | null;
  assigneeId: string | null;
  /** Someone who should hear about the change although they may no longer see it (old assignee). */
  alsoAgentIds?: string[];
}

export const rooms = {
  supervisors: (workspaceId: string) => `ws:${workspaceId}:supervisors`,
  team: (workspaceId: string, teamId: string) => `ws:${workspaceId}:team:${teamId}`,
  unteamed: (workspaceId: string) => `ws:${workspaceId}:unteamed`,
  agent: (agentId: string) => `agent:${agentId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
};

export function roomsFor(a: ConversationAudience): string[] {
  const list = [
    rooms.supervisors(a.workspaceId),
    a.teamId ? rooms.team(a.workspaceId, a.teamId) : rooms.unteamed(a.workspaceId),
    rooms.conversation(a.conversationId),
  ];
  if (a.assigneeId) list.push(rooms.agent(a.assigneeId));
  for (const id of a.alsoAgentIds ?? []) list.push(rooms.agent(id));
  return [...new Set(list)];
}

/** Events meant for one agent only, wherever they are looking (mentions, offers, their own presence). */
export type AgentEventName = Extract<ServerEventName, 'notification.created' | 'conversation.offered' | 'agent.presence'>;

/** Events for the supervisor board of a workspace. */
export type SupervisorEventName = Extract<ServerEventName, 'agent.presence' | 'queues.changed' | 'inbound.failed'>;

/** `...payload` is the event's one payload (a tuple, so socket.io's emitters take it as it is). */
export interface RealtimePublisher {
  publish<E extends RealtimeEventName>(name: E, audience: ConversationAudience, ...payload: Parameters<ServerToClientEvents[E]>): void;
  publishToAgent<E extends AgentEventName>(agentId: string, name: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  publishToSupervisors<E extends SupervisorEventName>(workspaceId: string, name: E, ...payload: Parameters<ServerToClientEvents[E]>): void;
  /**
   * Closes every socket of this agent on every node: their login ended (deactivated), or what
   * they may hear changed (role, teams) and the app reconnects to get the new rooms.
   */
  disconnectAgent(agentId: string): void;
}
