// A small semaphore for password hashing: scrypt runs on libuv's thread pool (4 threads by
// default), which file reads (attachment downloads) share, so only `concurrency` hashes run at
// once and at most `maxQueued` wait; beyond that the caller is told to come back (503).
import { AppError } from '../../errors.ts';

export interface HashingSlots {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** What runs and waits now, and the most that ever ran at once. */
  stats(): { running: number; queued: number; peakRunning: number };
}

export function createHashingSlots(opts: { concurrency: number; maxQueued: number }): HashingSlots {
  let running = 0;
  let peakRunning = 0;
  const waiting: (() => void)[] = [];

  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run(work) {
      if (running < opts.concurrency) {
        running++;
      } else {
        if (waiting.length >= opts.maxQueued) throw new AppError('unavailable', 'Too many logins at once; try again in a few seconds');
        // The slot passes straight from the one finishing to the one waiting (running stays the same).
        await new Promise<void>((resolve) => waiting.push(resolve));
      }
      peakRunning = Math.max(peakRunning, running);
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, queued: waiting.length, peakRunning }),
  };
}
