// Realtime event names and who receives them. Rooms encode visibility: supervisors see the whole
// workspace; agents see their team's and unteamed conversations and whatever is assigned to them.
export type RealtimeEventName = 'conversation.created' | 'conversation.updated' | 'message.created' | 'message.updated' | 'conversation.assigned';

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
export type AgentEventName = 'notification.created' | 'conversation.offered' | 'agent.presence';

/** Events for the supervisor board of a workspace. */
export type SupervisorEventName = 'agent.presence' | 'queues.changed';

export interface RealtimePublisher {
  publish(name: RealtimeEventName, audience: ConversationAudience, payload: unknown): void;
  publishToAgent(agentId: string, name: AgentEventName, payload: unknown): void;
  publishToSupervisors(workspaceId: string, name: SupervisorEventName, payload: unknown): void;
}
