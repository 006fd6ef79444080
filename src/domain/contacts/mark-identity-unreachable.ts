// A channel told us an address refuses our messages (a Telegram user blocked the bot): replies to
// it are refused with that reason until the customer writes again, which lifts it.
import type { Db, Tx } from '../../db/client.ts';

export async function markIdentityUnreachable(db: Db | Tx, input: { workspaceId: string; channelKind: string; address: string; reason: string; now: Date }): Promise<void> {
  await db.contactIdentity.updateMany({
    where: { workspaceId: input.workspaceId, channelKind: input.channelKind, address: input.address, optedOutAt: null },
    data: { optedOutAt: input.now, optOutReason: input.reason },
  });
}

/** The customer wrote: an address only a delivery failure had closed is open again (a customer's own STOP is not lifted here). */
export async function markIdentityReachable(db: Db | Tx, identity: { id: string; optedOutAt: Date | null; optOutReason: string | null }): Promise<boolean> {
  if (!identity.optedOutAt || identity.optOutReason === null) return false;
  await db.contactIdentity.update({ where: { id: identity.id }, data: { optedOutAt: null, optOutReason: null } });
  return true;
}
