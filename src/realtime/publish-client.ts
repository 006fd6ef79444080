// What socket.io's Redis emitter publishes through: the producer connection, with every publish's
// failure caught. The emitter does not wait for its publishes, so while Redis is away each one
// would otherwise be an unhandled rejection; a realtime event lost then is made good by the
// clients' reload on reconnect, and nothing durable depends on it.
import type { Redis } from '../redis.ts';

export interface PublishClient {
  publish(channel: string, message: string | Buffer): Promise<number | void>;
}

export function publishClient(redis: Redis, onError: (err: Error) => void): PublishClient {
  return {
    publish: (channel, message) =>
      redis.publish(channel, message).catch((err: unknown) => {
        onError(err instanceof Error ? err : new Error(String(err)));
      }),
  };
}
