// normalizeVoice over genuine callers that are not phone numbers: Voice SDK clients, SIP addresses
// and withheld numbers, each an identity of its own kind (test/fixtures/twilio/SOURCES.md).
import { describe, expect, it } from 'vitest';
import { normalizeVoice } from '../../../../channels/voice/normalize.ts';
import { twilioFixture } from '../../../support/twilio-contract.ts';

describe('normalizeVoice accepts every genuine caller', () => {
  const cases: [fixture: string, from: { address: string; name: string | null }, to: string[], reason: string][] = [
    ['voice-client-caller.json', { address: 'client:alice', name: 'alice' }, ['+14155550300'], 'Twilio Voice SDK client identity reported by Twilio'],
    ['voice-client-to-client.json', { address: 'client:alice', name: 'alice' }, ['client:support'], 'Twilio Voice SDK client identity reported by Twilio'],
    ['voice-sip-caller.json', { address: 'sip:alice@example.sip.twilio.com', name: null }, ['sip:+14155550300@example.sip.us1.twilio.com'], 'SIP address reported by Twilio'],
    ['voice-anonymous-caller.json', { address: 'withheld:CA0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a', name: 'ACME LTD' }, ['+14155550300'], 'the caller withheld their number: known only by this call'],
    ['voice-restricted-caller.json', { address: 'withheld:CAc89b33f8b3f6f452ef6f07d397b5dcdf', name: null }, ['+14155550300'], 'the caller withheld their number: known only by this call'],
    ['voice-anonymous-keypad-number.json', { address: 'withheld:CAafb8e0e12a282c17c58d5cc9ec88eea9', name: null }, ['+14155550300'], 'the caller withheld their number: known only by this call'],
    ['voice-stir-shaken-extra-fields.json', { address: '+442079460018', name: 'JANE DOE' }, ['+14155550300'], 'caller number reported by Twilio'],
  ];
  for (const [fixture, from, to, reason] of cases) {
    it(`${fixture}: ${from.address}`, () => {
      const call = normalizeVoice(twilioFixture(fixture));
      expect(call).toMatchObject({ kind: 'call_event', from, to, sender: { verified: true, reason }, attachments: [], call: { step: 'started', direction: 'inbound' } });
    });
  }

  it('keeps every step of one withheld call on one identity, and two withheld calls apart', () => {
    const started = normalizeVoice(twilioFixture('voice-anonymous-caller.json'));
    const ended = normalizeVoice({ webhook: 'voiceStatus', params: { ...twilioFixture('voice-anonymous-caller.json'), CallStatus: 'no-answer' } });
    expect(ended.from.address).toBe(started.from.address);
    expect(normalizeVoice(twilioFixture('voice-restricted-caller.json')).from.address).not.toBe(started.from.address);
  });

  it('writes a SIP address one way however Twilio cased the host or added URI parameters', () => {
    const sip = twilioFixture('voice-sip-caller.json');
    expect(normalizeVoice({ ...sip, From: 'sip:alice@Example.SIP.twilio.com;transport=tls' }).from.address).toBe('sip:alice@example.sip.twilio.com');
  });

  it('makes a voicemail without a fetchable recording URL a call step without an attachment', () => {
    const vm = normalizeVoice({ ...twilioFixture('voice-recording.json'), RecordingUrl: 'recording-pending' });
    expect(vm.call.step).toBe('voicemail');
    expect(vm.attachments).toEqual([]);
  });
});
