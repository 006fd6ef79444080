// A customer's "STOP" / "START": marks the identity opted out (or back in), so replies to it are
// refused with a clear reason instead of failing at the provider.
import type { Db, Tx } from '../../db/client.ts';

export async function recordConsent(db: Db | Tx, input: { identityId: string; consent: 'opt_out' | 'opt_in'; now: Date }): Promise<void> {
  if (input.consent === 'opt_in') {
    await db.contactIdentity.update({ where: { id: input.identityId }, data: { optedOutAt: null } });
    return;
  }
  // Keep the first opt-out time when the same STOP is processed again.
  await db.contactIdentity.updateMany({ where: { id: input.identityId, optedOutAt: null }, data: { optedOutAt: input.now } });
}
