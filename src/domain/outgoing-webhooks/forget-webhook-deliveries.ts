// The delivery log holds what was sent: names, addresses, message text. An erased contact's
// deliveries go with them, and the retention purge drops finished deliveries once they are as old
// as the workspace keeps raw inbound payloads.
import type { Db, Tx } from '../../db/client.ts';

/** Deletes the workspace's deliveries whose body names any of these ids or addresses (case-insensitive). */
export async function deleteWebhookDeliveriesNaming(tx: Db | Tx, workspaceId: string, needles: string[]): Promise<number> {
  const lowered = [...new Set(needles.map((n) => n.toLowerCase()))];
  if (lowered.length === 0) return 0;
  return tx.$executeRaw`
    DELETE FROM "WebhookDelivery" d
    WHERE d."workspaceId" = ${workspaceId}
      AND EXISTS (SELECT 1 FROM unnest(${lowered}::text[]) AS n(needle) WHERE position(n.needle IN lower(d.payload::text)) > 0)`;
}

/** One batch of finished deliveries created before `before`; returns how many went. */
export async function purgeFinishedWebhookDeliveries(db: Db, input: { workspaceId: string; before: Date; take: number }): Promise<number> {
  const rows = await db.webhookDelivery.findMany({ where: { workspaceId: input.workspaceId, status: { in: ['succeeded', 'failed'] }, createdAt: { lt: input.before } }, select: { id: true }, take: input.take });
  return (await db.webhookDelivery.deleteMany({ where: { id: { in: rows.map((r) => r.id) } } })).count;
}
