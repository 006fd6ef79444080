// The voice adapter keeps the channel adapter contract over Twilio's saved call webhooks, stored as
// the edge stores them ({webhook, params}) and as bare parameters saved for `parley parse`.
import { createVoiceAdapter } from '../../../../channels/voice/index.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';
import { twilioChannel, twilioFixture, twilioVerifyContract } from '../../../support/twilio-contract.ts';

const incoming = twilioFixture('voice-incoming.json');
const stored = (webhook: string, name: string, params: Record<string, string> = {}) => ({ name: `${webhook}: ${name}`, raw: { webhook, params: { ...twilioFixture(name), ...params } } });

runAdapterContract({
  adapter: createVoiceAdapter(),
  channel: twilioChannel('voice', '+14155550300'),
  fixtures: [
    stored('voice', 'voice-incoming.json'),
    stored('voiceMenu', 'voice-menu-choice.json'),
    stored('voiceConnected', 'voice-dial-no-answer.json'),
    // Another call, answered from the queue.
    stored('voiceConnected', 'voice-queue-bridged.json', { CallSid: 'CA9f8e7d6c5b4a39281706f5e4d3c2b1a0' }),
    stored('voicemail', 'voice-recording.json'),
    stored('voiceTranscription', 'voice-transcription.json'),
    stored('voiceStatus', 'voice-status-completed.json'),
    // Callers that are not phone numbers, each its own call.
    ...['voice-client-caller.json', 'voice-client-to-client.json', 'voice-sip-caller.json', 'voice-restricted-caller.json', 'voice-anonymous-keypad-number.json', 'voice-stir-shaken-extra-fields.json'].map((name) => stored('voice', name)),
    stored('voice', 'voice-anonymous-caller.json', { CallSid: 'CA0000000000000000000000000000000a' }),
    { name: 'bare parameters of a status callback', raw: { ...twilioFixture('voice-status-completed.json'), CallSid: 'CA0000000000000000000000000000000b' } },
  ],
  // The JSON `parley parse` reads (the edge's {webhook, params}, or bare parameters).
  asBytes: (raw) => Buffer.from(JSON.stringify(raw)),
  invalid: [
    { name: 'no CallSid', raw: { ...incoming, CallSid: '' }, reason: /missing CallSid/ },
    { name: 'an unknown webhook', raw: { webhook: 'teleport', params: incoming }, reason: /unknown voice webhook "teleport"/ },
    { name: 'a menu step without a key', raw: { webhook: 'voiceMenu', params: incoming }, reason: /missing Digits/ },
    { name: 'no caller', raw: { ...incoming, From: '' }, reason: /missing From/ },
  ],
  verify: twilioVerifyContract(incoming, 'https://parley.test/webhooks/twilio/voice'),
  statuses: { none: 'Parley places no calls and sends nothing on a phone line, so there is no delivery to report (a call’s own status is a call step)' },
  oversized: { raw: { webhook: 'voice', params: { ...incoming, CallerName: 'x'.repeat(4 * 1024 * 1024) } }, refused: /larger than any Twilio webhook/ },
});
