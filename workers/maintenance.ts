// Periodic housekeeping: re-queue inbound events and replies that never reached a worker, and
// poll IMAP mailboxes.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { sweepInboundEvents } from '../src/domain/inbound/sweep-inbound-events.ts';
import { sweepQueuedMessages } from '../src/domain/messages/sweep-queued-messages.ts';
import { assertNever } from '../src/errors.ts';
import { queueCatalog } from '../src/queues.ts';

export interface MaintenanceOptions {
  staleSeconds: number;
  pollImap(): Promise<void>;
}

export function maintenanceProcessor(deps: Deps, opts: MaintenanceOptions) {
  return async (job: Job) => {
    const { task } = queueCatalog.maintenance.payload.parse(job.data);
    switch (task) {
      case 'sweep-inbound': {
        const inbound = await sweepInboundEvents(deps, { staleSeconds: opts.staleSeconds });
        const outbound = await sweepQueuedMessages(deps, { staleSeconds: opts.staleSeconds });
        return { inbound, outbound };
      }
      case 'poll-imap':
        await opts.pollImap();
        return { polled: true };
      default:
        return assertNever(task, 'maintenance task');
    }
  };
}
