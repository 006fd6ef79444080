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
  /** Every socket of one login session, so ending the session closes exactly them. */
  session: (sessionId: string) => `session:${sessionId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
};

/**
 * The rooms whose sockets may see the conversation as it is now (visibility.ts in rooms): the
 * workspace's supervisors, its team's agents (or every agent when it has no team), its assignee.
 * A socket in `conversation:<id>` outside all of them joined before it moved and must leave.
 */
export function visibilityRoomsFor(a: Pick<ConversationAudience, 'workspaceId' | 'teamId' | 'assigneeId'>): string[] {
  const list = [rooms.supervisors(a.workspaceId), a.teamId ? rooms.team(a.workspaceId, a.teamId) : rooms.unteamed(a.workspaceId)];
  if (a.assigneeId) list.push(rooms.agent(a.assigneeId));
  return list;
}

export function roomsFor(a: ConversationAudience): string[] {
  const list = [...visibilityRoomsFor(a), rooms.conversation(a.conversationId)];
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
   * Closes every socket of this agent on every node, their sessions staying: what they may hear
   * changed (role) and the app reconnects to get the new rooms. To end sessions, SessionControl.
   */
  disconnectAgent(agentId: string): void;
}

/** Which sessions' sockets to close: some sessions, or all of an agent's but (maybe) one. */
export type SessionTarget = { sessionIds: readonly string[] } | { agentId: string; exceptSessionId?: string };

/**
 * What domain code calls after a change to who may hear what committed; it reaches the sockets
 * on every node (through Redis) and never throws: with Redis away the gateway's own session
 * check (every SOCKET_SESSION_CHECK_SECONDS and on every event) closes them a little later.
 */
export interface SessionControl {
  /** Closes the sockets of ended sessions (logout, password change, deactivation, reset). */
  endSessions(target: SessionTarget): void;
  /** Moves this agent's sockets into the rooms of their current role and teams, without a reconnect. */
  refreshAgentRooms(agentId: string): Promise<void>;
}
