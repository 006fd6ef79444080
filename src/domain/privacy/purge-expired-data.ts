// The retention purge, run by the maintenance queue once per cluster: for every workspace, by its
// retention settings, deletes processed raw inbound payloads, rejected webhooks, finished outgoing
// webhook deliveries, long-expired sessions and idle chat visitors, and (when set) removes the
// content of old resolved conversations; then deletes attachment files nothing refers to any more. Works in batches so
// no transaction or statement grows with the backlog.
import type { Deps } from '../../deps.ts';
import { purgeFinishedWebhookDeliveries } from '../outgoing-webhooks/forget-webhook-deliveries.ts';
import { deletePendingFiles } from './delete-pending-files.ts';
import { eraseConversationContent } from './erase-conversation-content.ts';
import { loadRetentionSettings } from './retention-settings.ts';

const DAY_MS = 86_400_000;

export interface PurgeCounts {
  rawPayloads: number;
  rejectedWebhooks: number;
  /** Finished outgoing webhook deliveries (kept as long as raw inbound payloads). */
  webhookDeliveries: number;
  sessions: number;
  visitors: number;
  conversations: number;
  files: number;
}

export async function purgeExpiredData(deps: Pick<Deps, 'db' | 'store' | 'log' | 'clock'>, opts: { batchSize?: number } = {}): Promise<PurgeCounts> {
  const batch = opts.batchSize ?? 500;
  const now = deps.clock.now();
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  const counts: PurgeCounts = { rawPayloads: 0, rejectedWebhooks: 0, webhookDeliveries: 0, sessions: 0, visitors: 0, conversations: 0, files: 0 };
  const workspaces = await deps.db.workspace.findMany({ select: { id: true } });
  for (const { id: workspaceId } of workspaces) {
    const s = await loadRetentionSettings(deps.db, workspaceId);
    counts.rawPayloads += await inBatches(batch, async (take) => {
      const rows = await deps.db.inboundEvent.findMany({ where: { workspaceId, status: { in: ['processed', 'ignored'] }, receivedAt: { lt: before(s.rawPayloadDays) } }, select: { id: true }, take });
      return (await deps.db.inboundEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
    });
    counts.rejectedWebhooks += await inBatches(batch, async (take) => {
      const rows = await deps.db.inboundEvent.findMany({ where: { workspaceId, status: 'rejected', receivedAt: { lt: before(s.rejectedWebhookDays) } }, select: { id: true }, take });
      return (await deps.db.inboundEvent.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
    });
    counts.webhookDeliveries += await inBatches(batch, (take) => purgeFinishedWebhookDeliveries(deps.db, { workspaceId, before: before(s.rawPayloadDays), take }));
    counts.sessions += await inBatches(batch, async (take) => {
      const rows = await deps.db.session.findMany({ where: { agent: { workspaceId }, expiresAt: { lt: before(s.expiredSessionDays) } }, select: { id: true }, take });
      return (await deps.db.session.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
    });
    counts.visitors += await inBatches(batch, async (take) => {
      const rows = await deps.db.webchatVisitor.findMany({ where: { workspaceId, lastSeenAt: { lt: before(s.visitorDays) } }, select: { id: true }, take });
      return (await deps.db.webchatVisitor.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
    });
    const resolvedDays = s.resolvedConversationDays;
    if (resolvedDays !== null) {
      // Conversations are heavier (messages, files): smaller batches.
      counts.conversations += await inBatches(Math.max(1, Math.floor(batch / 10)), async (take) => {
        const rows = await deps.db.conversation.findMany({ where: { workspaceId, status: 'resolved', contentErasedAt: null, resolvedAt: { lt: before(resolvedDays) } }, select: { id: true }, take });
        if (rows.length === 0) return 0;
        await deps.db.$transaction((tx) => eraseConversationContent(tx, { conversationIds: rows.map((r) => r.id), now }), { timeout: 60_000 });
        return rows.length;
      });
    }
  }
  // Files of this run's purges, and any an earlier erasure or purge could not delete.
  for (;;) {
    const files = await deletePendingFiles(deps);
    counts.files += files.deleted;
    if (files.deleted + files.kept === 0) break;
  }
  return counts;
}

/** Runs `step` until a batch comes back short; returns the total it reports. */
async function inBatches(size: number, step: (take: number) => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await step(size);
    total += n;
    if (n < size) return total;
  }
}
