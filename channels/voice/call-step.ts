// Which step of a call a voice webhook reports, and the InboundEvent key of that step. The edge
// stores {webhook, params} so the step is known; bare parameters (a file for `parley parse`) are
// read by what they contain.
import { ParseError, type CallEvent } from '../types.ts';
import { parseTwilioParams } from '../twilio/params.ts';
import type { TwilioParams } from '../twilio/schema.ts';

export const voiceWebhooks = ['voice', 'voiceMenu', 'voiceConnected', 'voicemail', 'voiceTranscription', 'voiceStatus'] as const;
export type VoiceWebhook = (typeof voiceWebhooks)[number];

export interface VoicePayload {
  webhook: VoiceWebhook | null;
  params: TwilioParams;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readVoicePayload(raw: unknown): VoicePayload {
  const value = Buffer.isBuffer(raw) || typeof raw === 'string' ? tryJson(raw) : raw;
  if (isRecord(value) && typeof value.webhook === 'string' && isRecord(value.params)) {
    const webhook = voiceWebhooks.find((w) => w === value.webhook);
    if (!webhook) throw new ParseError(`unknown voice webhook ${JSON.stringify(value.webhook)}`);
    return { webhook, params: parseTwilioParams(value.params) };
  }
  return { webhook: null, params: parseTwilioParams(raw) };
}

function tryJson(raw: Buffer | string): unknown {
  try {
    return JSON.parse(raw.toString());
  } catch {
    return raw;
  }
}

// https://www.twilio.com/docs/voice/api/call-resource#call-status-values
const endedByStatus: Record<string, NonNullable<CallEvent['ended']>> = {
  completed: 'completed',
  busy: 'busy',
  'no-answer': 'no-answer',
  failed: 'failed',
  canceled: 'canceled',
};

export function endedOf(params: TwilioParams): CallEvent['ended'] {
  return endedByStatus[(params.CallStatus ?? '').toLowerCase()];
}

/**
 * What <Dial> (DialCallStatus) or <Enqueue> (QueueResult) reports when it ends: whether someone
 * answered, and whether the caller is already gone (https://www.twilio.com/docs/voice/twiml/enqueue#attributes-action).
 */
export function connectResultOf(params: TwilioParams): { connected: boolean; callerGone: boolean } {
  const dial = params.DialCallStatus?.toLowerCase();
  const queue = params.QueueResult?.toLowerCase();
  return {
    connected: dial === 'completed' || dial === 'answered' || queue === 'bridged' || queue === 'bridging-in-process',
    callerGone: queue === 'hangup' || dial === 'canceled',
  };
}

export function callStepOf(payload: VoicePayload): CallEvent['step'] {
  const p = payload.params;
  switch (payload.webhook) {
    case 'voice':
      return 'started';
    case 'voiceMenu':
      return 'menu';
    case 'voiceConnected':
      return 'connect';
    case 'voicemail':
      return 'voicemail';
    case 'voiceTranscription':
      return 'transcription';
    case 'voiceStatus':
      return endedOf(p) ? 'ended' : 'started';
    case null:
      if (p.TranscriptionStatus !== undefined || p.TranscriptionText !== undefined) return 'transcription';
      if (p.RecordingSid !== undefined || p.RecordingUrl !== undefined) return 'voicemail';
      if (p.DialCallStatus !== undefined || p.QueueResult !== undefined) return 'connect';
      if (p.Digits?.trim()) return 'menu';
      return endedOf(p) ? 'ended' : 'started';
  }
}

/** One InboundEvent per call step (per recording for voicemail and its transcription). */
export function voiceEventKey(payload: VoicePayload): string | null {
  const step = callStepOf(payload);
  const p = payload.params;
  if (step === 'voicemail' || step === 'transcription') return p.RecordingSid ? `${p.RecordingSid}:${step}` : null;
  return p.CallSid ? `${p.CallSid}:${step}` : null;
}
