// Publishes realtime events from any process (API or worker) through Redis; every gateway node
// subscribed with the socket.io Redis adapter under the same key delivers them to its sockets.
// A conversation's events go to the rooms that may see it (events.ts), conversation rooms included.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from '../redis.ts';
import { publishClient } from './publish-client.ts';
import type { ServerToClientEvents } from './agent-protocol.ts';
import { shutOutNonViewers } from './agent-rooms.ts';
import { rooms, roomsFor, type RealtimePublisher } from './events.ts';

export function realtimeKey(prefix: string): string {
  return `${prefix}:socket.io`;
}

export function createRedisPublisher(redis: Redis, prefix: string, onError: (err: Error) => void): RealtimePublisher {
  const emitter = new Emitter<ServerToClientEvents>(publishClient(redis, onError), { key: realtimeKey(prefix) });
  // The audience whose room was just checked, within this synchronous run of publishes (a change's
  // timeline entries, its summary, its message): the same check again would be a no-op.
  let checked: string | null = null;
  return {
    publish(name, audience, ...payload) {
      // Visibility is checked on every emit: a socket that joined the conversation's room but may
      // no longer see it (moved to another team, reassigned, the agent left the team) leaves it
      // first. Both go out on one connection and every node applies them in order.
      const key = `${audience.conversationId} ${audience.workspaceId} ${audience.teamId} ${audience.assigneeId}`;
      if (checked !== key) {
        if (checked === null) queueMicrotask(() => (checked = null));
        checked = key;
        shutOutNonViewers(emitter, { id: audience.conversationId, workspaceId: audience.workspaceId, teamId: audience.teamId, assigneeId: audience.assigneeId });
      }
      emitter.to(roomsFor(audience)).emit(name, ...payload);
    },
    publishToAgent(agentId, name, ...payload) {
      emitter.to(rooms.agent(agentId)).emit(name, ...payload);
    },
    publishToSupervisors(workspaceId, name, ...payload) {
      emitter.to(rooms.supervisors(workspaceId)).emit(name, ...payload);
    },
    disconnectAgent(agentId) {
      emitter.in(rooms.agent(agentId)).disconnectSockets(true);
    },
  };
}
