// Twilio's messaging webhooks for SMS and WhatsApp channels: inbound messages at the channel's
// root, delivery status callbacks of our messages at `status`. Each is kept under its MessageSid
// (+ status) and answered with empty TwiML at once; the ingest worker does the work. The older
// shared URLs (/webhooks/twilio/messages[/status]) find the channel by the number Twilio names.
import { createHash } from 'node:crypto';
import twilio from 'twilio';
import type { ChannelWebhook, WebhookAlias } from '../types.ts';
import { messagingEventKey } from './message-status.ts';

/** Twilio posts forms (https://www.twilio.com/docs/usage/webhooks/messaging-webhooks). */
export const TWILIO_CONTENT_TYPES = ['application/x-www-form-urlencoded'] as const;
const MAX_BODY_BYTES = 512 * 1024;

/** Built once: the SDK's XML builder costs more per request than everything else the edge does with the body. */
const EMPTY_MESSAGING_RESPONSE = new twilio.twiml.MessagingResponse().toString();

export const twiml = (xml: string) => ({ status: 200, contentType: 'text/xml; charset=utf-8', body: xml });

/** Form parameters of a Twilio request, as strings. */
export const twilioForm = (rawBody: Buffer): Record<string, string> => Object.fromEntries(new URLSearchParams(rawBody.toString('utf8')));

/** A request without the ids Twilio always sends is kept under its hash; ingest records why it cannot be read. */
export const keyOrHash = (key: string | null, rawBody: Buffer) => key ?? `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;

/** Our number in a Twilio address: `whatsapp:+1...` on WhatsApp, a bare number on SMS. */
function ourNumber(param: 'To' | 'From', scheme: 'whatsapp' | null): WebhookAlias['address'] {
  return ({ rawBody }) => {
    const value = twilioForm(rawBody)[param]?.trim();
    if (!value) return null;
    const prefixed = /^whatsapp:/i.test(value);
    if (scheme === 'whatsapp' ? !prefixed : prefixed) return null;
    return value.replace(/^whatsapp:/i, '');
  };
}

/**
 * Our number in a status callback: the From of our own message's report, but the To of a
 * `received` / `receiving` report on a message the customer sent (Twilio sends those too).
 */
function ourNumberInStatus(scheme: 'whatsapp' | null): WebhookAlias['address'] {
  const from = ourNumber('From', scheme);
  const to = ourNumber('To', scheme);
  return (req) => {
    const params = twilioForm(req.rawBody);
    const status = (params.MessageStatus ?? params.SmsStatus ?? '').trim().toLowerCase();
    return status === 'received' || status === 'receiving' ? to(req) : from(req);
  };
}

export function twilioMessagingWebhook(scheme: 'whatsapp' | null): ChannelWebhook {
  return {
    steps: ['', 'status'],
    maxBodyBytes: MAX_BODY_BYTES,
    contentTypes: TWILIO_CONTENT_TYPES,
    rejectedDetails: (req) => twilioForm(req.rawBody),
    async receive(req) {
      const params = twilioForm(req.rawBody);
      return { events: [{ key: keyOrHash(messagingEventKey(params), req.rawBody), payload: params }], answer: twiml(EMPTY_MESSAGING_RESPONSE) };
    },
    aliases: [
      // Inbound messages name our number as To; status callbacks about our messages as From.
      { path: 'twilio/messages', step: '', address: ourNumber('To', scheme) },
      { path: 'twilio/messages/status', step: 'status', address: ourNumberInStatus(scheme) },
    ],
  };
}
