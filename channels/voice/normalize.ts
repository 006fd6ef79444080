// A voice webhook -> NormalizedInbound of kind `call_event`: the caller, and which step of which
// call happened (started, menu choice, agent answered or not, ended, voicemail, transcription).
// A caller is a number, a Voice SDK client ("client:alice"), a SIP address or a withheld number
// (sender-address.ts); the line is found by the webhook URL, so our side is kept as Twilio names it.
import { ParseError, type CallEvent, type InboundCallEvent, type NormalizedAttachment } from '../types.ts';
import { requireParam } from '../twilio/params.ts';
import { ourAddress, voiceSender, type TwilioSender } from '../twilio/sender-address.ts';
import type { TwilioParams } from '../twilio/schema.ts';
import { callStepOf, connectResultOf, endedOf, readVoicePayload, voiceEventKey } from './call-step.ts';

export function normalizeVoice(raw: unknown): InboundCallEvent {
  const payload = readVoicePayload(raw);
  const { params } = payload;
  const callId = requireParam(params, 'CallSid');
  const step = callStepOf(payload);
  const direction = (params.Direction ?? 'inbound').toLowerCase().startsWith('outbound') ? 'outbound' : 'inbound';
  const customer = voiceSender(requireParam(params, direction === 'inbound' ? 'From' : 'To'), callId);
  const ours = params[direction === 'inbound' ? 'To' : 'From']?.trim();
  const call: CallEvent = { callId, step, direction, ...detailsOf(step, params) };
  return {
    channel: 'voice',
    externalId: voiceEventKey(payload) ?? `${callId}:${step}`,
    kind: 'call_event',
    from: { address: customer.address, name: callerName(params) ?? customer.name },
    sender: { verified: true, reason: callerWords[customer.kind] },
    to: ours ? [ourAddress(ours)] : [],
    attachments: step === 'voicemail' || step === 'transcription' ? recordingAttachments(params) : [],
    call,
  };
}

const callerWords: Record<TwilioSender['kind'], string> = {
  phone: 'caller number reported by Twilio',
  short_code: 'caller short code reported by Twilio',
  alphanumeric: 'caller ID reported by Twilio',
  client: 'Twilio Voice SDK client identity reported by Twilio',
  sip: 'SIP address reported by Twilio',
  withheld: 'the caller withheld their number: known only by this call',
  other: 'caller ID reported by Twilio',
};

/** The caller ID name (CNAM lookup), unless it is only a withheld-number marker or the number again. */
function callerName(params: TwilioParams): string | null {
  const name = params.CallerName?.trim();
  if (!name || /^(anonymous|restricted|unknown|unavailable|private)$/i.test(name) || /^\+?[\d\s().-]+$/.test(name)) return null;
  return name;
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
  // Only a URL can be fetched; the payload (kept as the raw event) still has whatever Twilio sent.
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url)) return [];
  const wav = /\.wav$/i.test(url);
  const mp3Url = wav || /\.mp3$/i.test(url) ? url : `${url}.mp3`;
  return [{ filename: `voicemail-${sid}${wav ? '.wav' : '.mp3'}`, contentType: wav ? 'audio/x-wav' : 'audio/mpeg', size: 0, url: mp3Url, inline: false }];
}
