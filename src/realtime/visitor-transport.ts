// The webchat adapter's way to visitors from any process (API node or worker): socket.io's Redis
// emitter on the /visitor namespace, under the same key the gateway nodes' Redis adapter listens on.
import { Emitter } from '@socket.io/redis-emitter';
import { VISITOR_NAMESPACE, visitorRoom, type VisitorTransport } from '../../channels/webchat/transport.ts';
import type { Redis } from '../redis.ts';
import { publishClient } from './publish-client.ts';
import { realtimeKey } from './redis-publisher.ts';

export function createVisitorTransport(redis: Redis, prefix: string, onError: (err: Error) => void): VisitorTransport {
  const emitter = new Emitter(publishClient(redis, onError), { key: realtimeKey(prefix) }).of(VISITOR_NAMESPACE);
  return {
    emit(visitorId, event, payload) {
      // The emitter publishes without waiting; a client that is not connected would fail later, unseen.
      if (redis.status !== 'ready') return false;
      emitter.to(visitorRoom(visitorId)).emit(event, payload);
      return true;
    },
  };
}
