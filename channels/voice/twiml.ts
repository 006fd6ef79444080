// The call flow as TwiML (https://www.twilio.com/docs/voice/twiml), built with the SDK so every
// text and URL is escaped: greeting and menu, then ring agents (<Dial>) or wait in a Twilio queue
// (<Enqueue>) for up to the ring timeout, then voicemail; outside business hours voicemail at once.
import twilio from 'twilio';
import type { VoiceSettings } from './schema.ts';

type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;
type SayAttributes = Parameters<VoiceResponse['say']>[0];

export interface VoiceUrls {
  menu: string;
  wait: string;
  connected: string;
  voicemail: string;
  transcription: string;
}

const sayWith = (s: VoiceSettings): SayAttributes =>
  ({ ...(s.sayVoice ? { voice: s.sayVoice } : {}), ...(s.sayLanguage ? { language: s.sayLanguage } : {}) }) as SayAttributes;

export function incomingCallTwiml(s: VoiceSettings, opts: { open: boolean; channelId: string; urls: VoiceUrls }): string {
  const r = new twilio.twiml.VoiceResponse();
  if (!opts.open) {
    r.say(sayWith(s), s.closedMessage);
    return recordVoicemail(r, s, opts.urls);
  }
  if (s.greeting) r.say(sayWith(s), s.greeting);
  if (!s.menu) return connect(r, s, opts);
  const gather = r.gather({ numDigits: 1, action: opts.urls.menu, method: 'POST', timeout: s.menu.timeoutSeconds });
  gather.say(sayWith(s), s.menu.prompt);
  // No key pressed: on to the menu step without a choice.
  r.redirect({ method: 'POST' }, opts.urls.menu);
  return r.toString();
}

/** The menu choice a key stands for, or null (no key, or a key that is not an option). */
export function menuChoice(s: VoiceSettings, digits: string | undefined): string | null {
  const key = digits?.trim() ?? '';
  return s.menu && key in s.menu.options ? key : null;
}

export function connectTwiml(s: VoiceSettings, opts: { channelId: string; urls: VoiceUrls }): string {
  return connect(new twilio.twiml.VoiceResponse(), s, opts);
}

function connect(r: VoiceResponse, s: VoiceSettings, opts: { channelId: string; urls: VoiceUrls }): string {
  if (s.holdMessage) r.say(sayWith(s), s.holdMessage);
  if (!s.forwardTo) {
    r.enqueue({ waitUrl: opts.urls.wait, waitUrlMethod: 'POST', action: opts.urls.connected, method: 'POST' }, s.queueName ?? `parley-${opts.channelId}`);
    return r.toString();
  }
  const dial = r.dial({ timeout: s.ringTimeoutSeconds, action: opts.urls.connected, method: 'POST', answerOnBridge: true });
  if (s.forwardTo.startsWith('sip:')) dial.sip(s.forwardTo);
  else if (s.forwardTo.startsWith('client:')) dial.client(s.forwardTo.slice('client:'.length));
  else dial.number(s.forwardTo);
  return r.toString();
}

/** Hold music for <Enqueue>: keep waiting until the ring timeout, then leave the queue (to voicemail). */
export function waitTwiml(s: VoiceSettings, queueSeconds: number): string {
  const r = new twilio.twiml.VoiceResponse();
  const remaining = s.ringTimeoutSeconds - queueSeconds;
  if (remaining <= 0) r.leave();
  else r.pause({ length: Math.min(remaining, 10) });
  return r.toString();
}

/** After <Dial> / <Enqueue>: done if someone answered or the caller hung up, else voicemail. */
export function connectResultTwiml(s: VoiceSettings, opts: { connected: boolean; callerGone: boolean; urls: VoiceUrls }): string {
  const r = new twilio.twiml.VoiceResponse();
  if (opts.connected || opts.callerGone) {
    r.hangup();
    return r.toString();
  }
  r.say(sayWith(s), s.voicemailPrompt);
  return recordVoicemail(r, s, opts.urls);
}

function recordVoicemail(r: VoiceResponse, s: VoiceSettings, urls: VoiceUrls): string {
  r.record({
    action: urls.voicemail,
    method: 'POST',
    maxLength: s.voicemailMaxSeconds,
    playBeep: true,
    finishOnKey: '#',
    transcribe: true,
    transcribeCallback: urls.transcription,
  });
  // Reached only when nothing was recorded.
  r.say(sayWith(s), s.goodbye);
  r.hangup();
  return r.toString();
}

export function goodbyeTwiml(s: VoiceSettings): string {
  const r = new twilio.twiml.VoiceResponse();
  r.say(sayWith(s), s.goodbye);
  r.hangup();
  return r.toString();
}

export function emptyTwiml(): string {
  return new twilio.twiml.VoiceResponse().toString();
}
