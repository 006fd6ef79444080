// Publishes realtime events from any process (API or worker) through Redis; every gateway node
// subscribed with the socket.io Redis adapter under the same key delivers them to its sockets.
import { Emitter } from '@socket.io/redis-emitter';
import type { Redis } from '../redis.ts';
import { publishClient } from './publish-client.ts';
import type { ServerToClientEvents } from './agent-protocol.ts';
import { rooms, roomsFor, type RealtimePublisher } from './events.ts';

export function realtimeKey(prefix: string): string {
  return `${prefix}:socket.io`;
}

export function createRedisPublisher(redis: Redis, prefix: string, onError: (err: Error) => void): RealtimePublisher {
  const emitter = new Emitter<ServerToClientEvents>(publishClient(redis, onError), { key: realtimeKey(prefix) });
  return {
    publish(name, audience, ...payload) {
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
