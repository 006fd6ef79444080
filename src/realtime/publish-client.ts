// What socket.io's Redis emitters publish through: the producer connection, with every publish's
// failure caught. The emitters do not wait for their publishes, so while Redis is away each one
// would otherwise be an unhandled rejection; a realtime event lost then is made good by the
// clients' reload on reconnect, and nothing durable depends on it.
//
// The publishes of one synchronous run (a routing batch's 50 assignments make ~200: timeline,
// summary, the room check, the boards' nudge) go to Redis as one pipeline, one socket write
// instead of one each, flushed at the end of the run. Every emitter on a connection shares its
// pipeline, so publishes reach Redis in exactly the order they were made, across emitters.
import { Cluster, type ChainableCommander } from 'ioredis';
import type { Redis } from '../redis.ts';

export interface PublishClient {
  publish(channel: string, message: string | Buffer): Promise<number | void>;
}

const open = new WeakMap<Redis, { pipeline: ChainableCommander; onErrors: Set<(err: Error) => void> }>();

export function publishClient(redis: Redis, onError: (err: Error) => void): PublishClient {
  const fail = (err: unknown) => onError(asError(err));
  return {
    publish(channel, message) {
      // A cluster routes each command by its keys; PUBLISH has none, so it is sent alone as before.
      if (redis instanceof Cluster) return redis.publish(channel, message).catch(fail);
      let run = open.get(redis);
      if (!run) {
        const started = { pipeline: redis.pipeline(), onErrors: new Set<(err: Error) => void>() };
        open.set(redis, started);
        queueMicrotask(() => flush(redis, started));
        run = started;
      }
      run.onErrors.add(onError);
      run.pipeline.publish(channel, message);
      return Promise.resolve();
    },
  };
}

function flush(redis: Redis, run: { pipeline: ChainableCommander; onErrors: Set<(err: Error) => void> }): void {
  open.delete(redis);
  // One report per failed flush (Redis away fails every command of it alike), to each emitter's handler.
  const report = (err: unknown) => run.onErrors.forEach((handler) => handler(asError(err)));
  run.pipeline.exec().then((results) => {
    const failed = results?.find(([err]) => err)?.[0];
    if (failed) report(failed);
  }, report);
}

const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
