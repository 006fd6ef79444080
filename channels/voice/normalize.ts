// A voice webhook -> NormalizedInbound of kind `call_event`: the caller, and which step of which
// call happened (started, menu choice, agent answered or not, ended, voicemail, transcription).
import { ParseError, type CallEvent, type InboundCallEvent, type NormalizedAttachment } from '../types.ts';
import { requireParam } from '../twilio/params.ts';
import { parseTwilioAddress } from '../twilio/phone.ts';
import type { TwilioParams } from '../twilio/schema.ts';
import { callStepOf, connectResultOf, endedOf, readVoicePayload, voiceEventKey } from './call-step.ts';

export function normalizeVoice(raw: unknown): InboundCallEvent {
  const payload = readVoicePayload(raw);
  const { params } = payload;
  const callId = requireParam(params, 'CallSid');
  const step = callStepOf(payload);
  const direction = (params.Direction ?? 'inbound').toLowerCase().startsWith('outbound') ? 'outbound' : 'inbound';
  const customer = phoneOf(params, direction === 'inbound' ? 'From' : 'To');
  const ours = phoneOf(params, direction === 'inbound' ? 'To' : 'From');
  const call: CallEvent = { callId, step, direction, ...detailsOf(step, params) };
  return {
    channel: 'voice',
    externalId: voiceEventKey(payload) ?? `${callId}:${step}`,
    kind: 'call_event',
    from: { address: customer, name: params.CallerName?.trim() || null },
    sender: { verified: true, reason: 'caller number reported by Twilio' },
    to: [ours],
    attachments: step === 'voicemail' || step === 'transcription' ? recordingAttachments(params) : [],
    call,
  };
}

function phoneOf(params: TwilioParams, name: 'From' | 'To'): string {
  const address = parseTwilioAddress(requireParam(params, name), name);
  if (address.scheme) throw new ParseError(`${name} ${JSON.stringify(params[name])} is not a phone number`);
  return address.e164;
}

const seconds = (value: string | undefined): number | null => {
  const n = Number(value);
  return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null;
};

function detailsOf(step: CallEvent['step'], p: TwilioParams): Partial<CallEvent> {
  switch (step) {
    case 'started':
      return {};
    case 'menu':
      return { menu: requireParam(p, 'Digits') };
    case 'connect':
      return { connected: connectResultOf(p).connected };
    case 'ended': {
      const ended = endedOf(p);
      if (!ended) throw new ParseError(`CallStatus ${JSON.stringify(p.CallStatus)} is not a final call status`);
      return { ended, durationSeconds: seconds(p.CallDuration) };
    }
    case 'voicemail':
      return { recording: { id: requireParam(p, 'RecordingSid'), durationSeconds: seconds(p.RecordingDuration) } };
    case 'transcription': {
      const done = (p.TranscriptionStatus ?? 'completed').toLowerCase() === 'completed';
      return {
        recording: { id: requireParam(p, 'RecordingSid'), durationSeconds: seconds(p.RecordingDuration) },
        transcription: done ? (p.TranscriptionText ?? '').trim() : null,
      };
    }
  }
}

/** The recording as an attachment to fetch; Twilio serves MP3 when ".mp3" is appended (https://www.twilio.com/docs/voice/api/recording#fetch-a-recording-media-file). */
function recordingAttachments(p: TwilioParams): NormalizedAttachment[] {
  const url = p.RecordingUrl?.trim();
  const sid = p.RecordingSid?.trim();
  if (!url || !sid) return [];
  if (!/^https?:\/\//i.test(url)) throw new ParseError('RecordingUrl is not an http(s) URL');
  const wav = /\.wav$/i.test(url);
  const mp3Url = wav || /\.mp3$/i.test(url) ? url : `${url}.mp3`;
  return [{ filename: `voicemail-${sid}${wav ? '.wav' : '.mp3'}`, contentType: wav ? 'audio/x-wav' : 'audio/mpeg', size: 0, url: mp3Url, inline: false }];
}
