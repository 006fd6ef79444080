// The cluster's periodic jobs (sweepers, status timers, listeners' polls) as BullMQ job schedulers
// on the maintenance queue: one per id, whichever process added it, so each runs once per interval
// across the cluster. Redis restarted without its data forgets them, so every worker process
// asserts them again when its connection is back and at every interval (upserting is idempotent).
import type { Queue } from 'bullmq';
import type { Logger } from '../src/log.ts';
import type { QueuePayload } from '../src/queues.ts';
import type { Redis } from '../src/redis.ts';

export interface Schedules {
  add(id: string, everyMs: number, data: QueuePayload<'maintenance'>): Promise<void>;
  /** Upserts every schedule again; failures are logged (Redis away: the next try repeats it). */
  reassert(): Promise<void>;
  stop(): void;
}

export function createSchedules(input: { queue: Queue; connection: Redis; log: Logger; reassertEveryMs: number }): Schedules {
  const wanted = new Map<string, { everyMs: number; data: QueuePayload<'maintenance'> }>();
  const upsert = (id: string, s: { everyMs: number; data: QueuePayload<'maintenance'> }) =>
    input.queue.upsertJobScheduler(id, { every: s.everyMs }, { name: 'maintenance', data: s.data });
  const reassert = async () => {
    for (const [id, s] of wanted) {
      try {
        await upsert(id, s);
      } catch (err) {
        input.log.warn({ err, schedule: id }, 'could not assert a periodic job; trying again later');
        return;
      }
    }
  };
  const onReady = () => void reassert();
  input.connection.on('ready', onReady);
  const timer = setInterval(onReady, input.reassertEveryMs);
  timer.unref();
  return {
    async add(id, everyMs, data) {
      wanted.set(id, { everyMs, data });
      await upsert(id, { everyMs, data });
    },
    reassert,
    stop() {
      clearInterval(timer);
      input.connection.off('ready', onReady);
    },
  };
}
