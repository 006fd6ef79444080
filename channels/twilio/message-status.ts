// Twilio's message statuses (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values)
// mapped onto Parley's delivery states, and the status callback read as a DeliveryUpdate.
import type { DeliveryUpdate } from '../types.ts';
import { parseTwilioParams } from './params.ts';
import type { TwilioParams } from './schema.ts';
import { describeTwilioError } from './twilio-errors.ts';

const deliveryByStatus: Record<string, DeliveryUpdate['status']> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  // Sent, but the carrier returned no delivery receipt: as far as anyone can tell, sent.
  delivery_unknown: 'sent',
  delivered: 'delivered',
  partially_delivered: 'delivered',
  read: 'read',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'failed',
};

/** Every status Twilio reports for an outbound message (inbound ones are `receiving` / `received`). */
export const twilioMessageStatuses = Object.keys(deliveryByStatus);

export function mapMessageStatus(status: string): DeliveryUpdate['status'] | null {
  return deliveryByStatus[status.toLowerCase()] ?? null;
}

export function messageSidOf(params: TwilioParams): string | undefined {
  return params.MessageSid ?? params.SmsSid ?? params.SmsMessageSid;
}

/** MessageStatus, or the older SmsStatus that Twilio still sends alongside it. */
export function messageStatusOf(params: TwilioParams): string | undefined {
  return (params.MessageStatus ?? params.SmsStatus)?.toLowerCase();
}

/** What Twilio reports on a message someone sent us (https://www.twilio.com/docs/messaging/api/message-resource#message-status-values). */
const inboundStatuses = new Set(['receiving', 'received']);

/**
 * A status callback rather than a message the customer sent: a status of an outbound message, or
 * any other status a callback reports (it carries MessageStatus and no Body; the inbound message
 * webhook itself carries a Body and only the older SmsStatus `received`).
 */
export function isStatusCallback(params: TwilioParams): boolean {
  const status = messageStatusOf(params);
  if (status === undefined) return false;
  return status in deliveryByStatus || (params.MessageStatus !== undefined && params.Body === undefined);
}

/** Why a status callback changes nothing of ours (`received` on a message the customer sent, a status Twilio added), or null when it does. */
export function reportWithoutUpdate(params: TwilioParams): string | null {
  const status = messageStatusOf(params);
  if (!isStatusCallback(params) || !status || mapMessageStatus(status)) return null;
  if (inboundStatuses.has(status)) return `status ${status} of a message the customer sent: nothing of ours to update`;
  return `status ${status} is not one Parley maps to a delivery state: kept, nothing updated`;
}

/** The InboundEvent key of a messaging webhook: the MessageSid, one per status for callbacks. */
export function messagingEventKey(params: TwilioParams): string | null {
  const sid = messageSidOf(params);
  if (!sid) return null;
  return isStatusCallback(params) ? `${sid}:status:${messageStatusOf(params)}` : sid;
}

export function parseMessageStatus(raw: unknown): DeliveryUpdate | null {
  return deliveryUpdateOf(parseTwilioParams(raw));
}

/** The delivery report a status callback carries, or null for a message the customer sent. */
export function deliveryUpdateOf(params: TwilioParams): DeliveryUpdate | null {
  const sid = messageSidOf(params);
  const status = messageStatusOf(params);
  const mapped = status ? mapMessageStatus(status) : null;
  if (!sid || !status || !mapped) return null;
  const error = mapped === 'failed' ? `${status}: ${describeTwilioError(params.ErrorCode, params.ErrorMessage)}` : null;
  return { externalId: sid, status: mapped, error, at: null };
}
