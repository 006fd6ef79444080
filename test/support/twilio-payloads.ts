// Webhook parameters as Twilio posts them for an inbound SMS / WhatsApp message and for a status
// callback on one of our messages, with fresh message SIDs; `extra` adds or overrides fields.
import { sid } from './fake-twilio.ts';

export type TwilioParams = Record<string, string>;

export function twilioPayloads(opts: { accountSid: string; smsNumber: string; whatsappNumber?: string }) {
  const sms = (from: string, body: string, extra: TwilioParams = {}) => ({
    MessageSid: sid('SM'),
    SmsSid: '',
    AccountSid: opts.accountSid,
    From: from,
    To: opts.smsNumber,
    Body: body,
    NumMedia: '0',
    NumSegments: '1',
    SmsStatus: 'received',
    ApiVersion: '2010-04-01',
    ...extra,
  });
  const whatsapp = (from: string, body: string, extra: TwilioParams = {}) => ({
    ...sms(`whatsapp:${from}`, body),
    To: `whatsapp:${opts.whatsappNumber ?? opts.smsNumber}`,
    ProfileName: 'Wanda Whats',
    WaId: from.slice(1),
    ...extra,
  });
  const status = (messageSid: string, messageStatus: string, extra: TwilioParams = {}, from = opts.smsNumber, to = '+14155550142') => ({
    MessageSid: messageSid,
    SmsSid: messageSid,
    MessageStatus: messageStatus,
    SmsStatus: messageStatus,
    AccountSid: opts.accountSid,
    From: from,
    To: to,
    ApiVersion: '2010-04-01',
    ...extra,
  });
  return { sms, whatsapp, status };
}

export type TwilioPayloads = ReturnType<typeof twilioPayloads>;
