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

/** A status callback about one of our messages, rather than a message the customer sent. */
export function isStatusCallback(params: TwilioParams): boolean {
  const status = messageStatusOf(params);
  return status !== undefined && status in deliveryByStatus;
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
