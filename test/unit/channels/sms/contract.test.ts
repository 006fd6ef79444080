// The SMS adapter keeps the channel adapter contract over Twilio's saved SMS webhooks and status callbacks.
import { createSmsAdapter } from '../../../../channels/sms/index.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';
import { formBody, statusCallback, twilioChannel, twilioDocumentedStatuses, twilioFixture, twilioVerifyContract } from '../../../support/twilio-contract.ts';

const inbound = twilioFixture('sms-inbound.json');

runAdapterContract({
  adapter: createSmsAdapter({ publicUrl: 'https://parley.test' }),
  channel: twilioChannel('sms', '+14155550100'),
  fixtures: [
    ...['sms-inbound.json', 'mms-inbound-two-media.json', 'sms-stop.json', 'sms-start.json', 'status-sms-delivered.json', 'status-sms-undelivered.json'],
    ...['sms-from-shortcode-name.json', 'sms-from-alphanumeric-sender.json', 'sms-from-short-code.json', 'sms-to-short-code.json', 'sms-to-number-with-odd-characters.json', 'sms-to-number-outside-the-plan.json'],
    ...['sms-messaging-service-extra-fields.json', 'mms-vcard-and-unknown-types.json', 'status-sms-receiving.json', 'status-sms-failed-30007.json', 'status-sms-delivery-unknown.json'],
    ...['status-sms-canceled-scheduled.json', 'status-mms-partially-delivered.json', 'status-sms-sent-raw-dlr.json', 'status-sms-to-alphanumeric-undelivered.json'],
  ].map((name) => ({
    name,
    raw: twilioFixture(name),
  })),
  // What Twilio posts, form-encoded.
  asBytes: (raw) => formBody(raw as Record<string, string>),
  invalid: [
    { name: 'a WhatsApp message', raw: twilioFixture('whatsapp-inbound.json'), reason: /From "whatsapp:\+34612345678" is not a sms address/ },
    { name: 'no MessageSid', raw: { ...inbound, MessageSid: '', SmsSid: '', SmsMessageSid: '' }, reason: /missing MessageSid/ },
    { name: 'no sender', raw: { ...inbound, From: ' ' }, reason: /missing From/ },
  ],
  verify: twilioVerifyContract(inbound, 'https://parley.test/webhooks/twilio/messages'),
  statuses: { callback: statusCallback('status-sms-delivered.json'), documented: twilioDocumentedStatuses },
  oversized: { raw: { ...inbound, Body: 'x'.repeat(4 * 1024 * 1024) }, refused: /larger than any Twilio webhook/ },
});
