// Periodic housekeeping: re-queue inbound events, replies and surveys that never reached a worker, run
// channel listeners' periodic tasks (IMAP polls), move statuses on by time (and remind agents of due tasks),
// catch overdue SLA clocks, place waiting work, purge data past its workspace's retention and queue
// webhook deliveries no job carries.
import type { Job } from 'bullmq';
import type { Deps } from '../src/deps.ts';
import { sweepInboundEvents } from '../src/domain/inbound/sweep-inbound-events.ts';
import { sweepQueuedMessages } from '../src/domain/messages/sweep-queued-messages.ts';
import { sweepPendingMedia } from '../src/domain/media/request-media-downloads.ts';
import { assertNever } from '../src/errors.ts';
import { fireDueTasks } from '../src/domain/tasks/fire-due-tasks.ts';
import { runStatusTimers } from '../src/domain/conversations/run-status-timers.ts';
import { dispatchWaiting } from '../src/domain/routing/dispatch-waiting.ts';
import { sweepOverdueClocks } from '../src/domain/sla/sweep-overdue-clocks.ts';
import { purgeExpiredData } from '../src/domain/privacy/purge-expired-data.ts';
import { queueCatalog } from '../src/queues.ts';
import { sweepWebhookDeliveries } from '../src/domain/outgoing-webhooks/sweep-webhook-deliveries.ts';
import { sweepDueSurveys } from '../src/domain/csat/send-csat-survey.ts';

export interface MaintenanceOptions {
  staleSeconds: number;
  /** Channel listeners' periodic tasks registered in this process (ListenerContext.every), by name. */
  listenerTasks: ReadonlyMap<string, () => Promise<void>>;
  /** A pending webhook delivery this long past its attempt time with no job is queued again. */
  webhookGraceSeconds: number;
}

export function maintenanceProcessor(deps: Deps, opts: MaintenanceOptions) {
  return async (job: Job) => {
    const { task, name } = queueCatalog.maintenance.payload.parse(job.data);
    switch (task) {
      case 'sweep-inbound': {
        const inbound = await sweepInboundEvents(deps, { staleSeconds: opts.staleSeconds });
        const outbound = await sweepQueuedMessages(deps, { staleSeconds: opts.staleSeconds });
        const media = await sweepPendingMedia(deps, { staleSeconds: opts.staleSeconds });
        const surveys = await sweepDueSurveys(deps, { staleSeconds: opts.staleSeconds });
        return { inbound, outbound, media, surveys };
      }
      case 'listener': {
        const run = name ? opts.listenerTasks.get(name) : undefined;
        if (!run) return { skipped: `no listener task ${name ?? '(unnamed)'} in this process` };
        await run();
        return { ran: name };
      }
      case 'status-timers': {
        const moved = await runStatusTimers(deps);
        const breached = await sweepOverdueClocks(deps, { graceSeconds: 60 });
        const tasksDue = await fireDueTasks(deps);
        return { moved, breached, tasksDue };
      }
      case 'dispatch-all': {
        const workspaces = await deps.db.conversation.findMany({ where: { status: 'open', assigneeId: null }, distinct: ['workspaceId'], select: { workspaceId: true } });
        for (const w of workspaces) await dispatchWaiting(deps, w.workspaceId);
        return { workspaces: workspaces.length };
      }
      case 'retention':
        return purgeExpiredData(deps);
      case 'webhooks':
        return sweepWebhookDeliveries(deps, { graceSeconds: opts.webhookGraceSeconds });
      default:
        return assertNever(task, 'maintenance task');
    }
  };
}
