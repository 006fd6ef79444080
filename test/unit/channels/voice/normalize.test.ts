// normalizeVoice over realistic Twilio call webhooks: each becomes one step of one call.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normalizeVoice } from '../../../../channels/voice/normalize.ts';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../../../fixtures/twilio/${name}`, import.meta.url), 'utf8')) as Record<string, string>;
const CA = 'CA0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a';

describe('normalizeVoice', () => {
  it('reads an incoming call as the started step, from the caller with their caller ID name', () => {
    expect(normalizeVoice(fixture('voice-incoming.json'))).toEqual({
      channel: 'voice',
      externalId: `${CA}:started`,
      kind: 'call_event',
      from: { address: '+442079460018', name: 'ACME LTD' },
      sender: { verified: true, reason: 'caller number reported by Twilio' },
      to: ['+14155550300'],
      attachments: [],
      call: { callId: CA, step: 'started', direction: 'inbound' },
    });
  });

  it('reads each later step from what the webhook carries', () => {
    expect(normalizeVoice(fixture('voice-menu-choice.json')).call).toEqual({ callId: CA, step: 'menu', direction: 'inbound', menu: '2' });
    expect(normalizeVoice(fixture('voice-dial-no-answer.json')).call).toEqual({ callId: CA, step: 'connect', direction: 'inbound', connected: false });
    expect(normalizeVoice(fixture('voice-queue-bridged.json')).call).toMatchObject({ step: 'connect', connected: true });
    expect(normalizeVoice(fixture('voice-status-completed.json'))).toMatchObject({ externalId: `${CA}:ended`, call: { step: 'ended', ended: 'completed', durationSeconds: 52 } });
  });

  it('makes the voicemail recording an MP3 attachment and the transcription its text', () => {
    const recording = normalizeVoice(fixture('voice-recording.json'));
    expect(recording.externalId).toBe('RE1a2b3c4d5e6f708192a3b4c5d6e7f809:voicemail');
    expect(recording.call).toEqual({ callId: CA, step: 'voicemail', direction: 'inbound', recording: { id: 'RE1a2b3c4d5e6f708192a3b4c5d6e7f809', durationSeconds: 14 } });
    expect(recording.attachments).toEqual([
      {
        filename: 'voicemail-RE1a2b3c4d5e6f708192a3b4c5d6e7f809.mp3',
        contentType: 'audio/mpeg',
        size: 0,
        url: 'https://api.twilio.com/2010-04-01/Accounts/AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b/Recordings/RE1a2b3c4d5e6f708192a3b4c5d6e7f809.mp3',
        inline: false,
      },
    ]);
    const transcription = normalizeVoice(fixture('voice-transcription.json'));
    expect(transcription.externalId).toBe('RE1a2b3c4d5e6f708192a3b4c5d6e7f809:transcription');
    expect(transcription.call.transcription).toBe('Hello, this is Sam from Acme Ltd, please call me back about invoice 1042.');
    const failed = normalizeVoice({ ...fixture('voice-transcription.json'), TranscriptionStatus: 'failed', TranscriptionText: '' });
    expect(failed.call.transcription).toBeNull();
  });

  it('trusts the webhook the edge stored over what the parameters look like', () => {
    const status = normalizeVoice({ webhook: 'voiceStatus', params: { ...fixture('voice-status-completed.json'), RecordingSid: 'RE1', RecordingUrl: 'https://api.twilio.com/x' } });
    expect(status.call.step).toBe('ended');
    expect(normalizeVoice(Buffer.from(JSON.stringify({ webhook: 'voice', params: fixture('voice-incoming.json') }))).call.step).toBe('started');
  });

  it('refuses a call without a caller or a CallSid', () => {
    expect(() => normalizeVoice({ ...fixture('voice-incoming.json'), From: '' })).toThrow(/missing From/);
    expect(() => normalizeVoice({ ...fixture('voice-incoming.json'), CallSid: '' })).toThrow(/missing CallSid/);
    expect(() => normalizeVoice({ webhook: 'teleport', params: fixture('voice-incoming.json') })).toThrow(/unknown voice webhook "teleport"/);
  });
});
