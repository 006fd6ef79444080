// The WhatsApp adapter keeps the channel adapter contract over Twilio's saved WhatsApp webhooks and status callbacks.
import { createWhatsappAdapter } from '../../../../channels/whatsapp/index.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';
import { formBody, statusCallback, twilioChannel, twilioDocumentedStatuses, twilioFixture, twilioVerifyContract } from '../../../support/twilio-contract.ts';

const inbound = twilioFixture('whatsapp-inbound.json');

runAdapterContract({
  adapter: createWhatsappAdapter({ publicUrl: 'https://parley.test' }),
  channel: twilioChannel('whatsapp', '+14155238886'),
  fixtures: [
    ...['whatsapp-inbound.json', 'whatsapp-image-reply.json', 'whatsapp-location.json', 'whatsapp-button.json', 'status-whatsapp-read.json', 'status-whatsapp-failed.json', 'status-whatsapp-received.json'],
    ...['whatsapp-channel-metadata.json', 'whatsapp-quick-reply.json', 'whatsapp-button-payload-only.json', 'whatsapp-location-without-label.json', 'whatsapp-ad-referral.json', 'whatsapp-ad-referral-with-media.json'],
    ...['whatsapp-voice-note.json', 'whatsapp-shared-contact.json', 'whatsapp-sticker.json', 'whatsapp-document-unknown-type.json', 'whatsapp-forwarded.json'],
  ].map((name) => ({
    name,
    raw: twilioFixture(name),
  })),
  // What Twilio posts, form-encoded.
  asBytes: (raw) => formBody(raw as Record<string, string>),
  invalid: [
    { name: 'a plain SMS', raw: twilioFixture('sms-inbound.json'), reason: /From "\+14155550142" is not a whatsapp address \(expected "whatsapp:\+\.\.\."\)/ },
    { name: 'no sender', raw: { ...inbound, From: '' }, reason: /missing From/ },
  ],
  verify: twilioVerifyContract(inbound, 'https://parley.test/webhooks/twilio/messages'),
  statuses: { callback: statusCallback('status-whatsapp-read.json'), documented: twilioDocumentedStatuses },
  oversized: { raw: formBody({ ...inbound, Body: 'x'.repeat(4 * 1024 * 1024) }), refused: /larger than any Twilio webhook/ },
});
