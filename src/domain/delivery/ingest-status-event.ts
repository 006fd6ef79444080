// The ingest step for a stored status callback: apply it to our message. A report can overtake
// the send that it reports on (the provider answers the callback before our worker recorded the
// provider id), so an unknown message is retried a few times before the report is set aside.
import type { DeliveryUpdate } from '../../../channels/types.ts';
import type { Deps } from '../../deps.ts';
import { applyDeliveryUpdate } from './apply-delivery-update.ts';

const ATTEMPTS_BEFORE_GIVING_UP = 3;

export class StatusBeforeSend extends Error {
  override readonly name = 'StatusBeforeSend';
}

export type StatusEventOutcome = { status: 'delivery-update'; applied: boolean; messageId: string | null; reason: string | null };

export async function ingestStatusEvent(
  deps: Deps,
  input: { event: { id: string; channelId: string; attempts: number; receivedAt: Date }; update: DeliveryUpdate },
): Promise<StatusEventOutcome> {
  const { event, update } = input;
  const finish = async (applied: boolean, reason: string | null, messageId: string | null): Promise<StatusEventOutcome> => {
    await deps.db.inboundEvent.update({
      where: { id: event.id },
      data: { status: applied ? 'processed' : 'ignored', error: reason, messageId, processedAt: deps.clock.now() },
    });
    return { status: 'delivery-update', applied, messageId, reason };
  };
  const outcome = await applyDeliveryUpdate(deps, { channelId: event.channelId, update, receivedAt: event.receivedAt });
  if (outcome.status === 'unknown-message') {
    // `attempts` was read before this attempt was counted.
    if (event.attempts + 1 < ATTEMPTS_BEFORE_GIVING_UP) throw new StatusBeforeSend(`no outbound message with provider id ${update.externalId} yet; retrying`);
    return finish(false, `status ${update.status} for ${update.externalId}, a message Parley did not send`, null);
  }
  if (outcome.status === 'stale') return finish(false, `older than the message's current status (${outcome.current ?? 'none'})`, outcome.messageId);
  return finish(true, null, outcome.messageId);
}
