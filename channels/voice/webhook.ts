// The call flow's webhooks (/webhooks/voice/<channel id>[/<step>]): each call step is kept as an
// InboundEvent (not the hold-music polls) and answered with the next TwiML at once. The older URLs
// (/webhooks/twilio/voice[/<step>]) find the line by the number Twilio names as To.
import type { ChannelConfig, ChannelWebhook, WebhookAlias, WebhookRequest, WebhookServices } from '../types.ts';
import { keyOrHash, TWILIO_CONTENT_TYPES, twilioForm, twiml } from '../twilio/webhook.ts';
import { webhookUrl } from '../webhook-url.ts';
import { connectResultOf, voiceEventKey, type VoiceWebhook } from './call-step.ts';
import { voiceSettingsSchema, type VoiceSettings } from './schema.ts';
import { connectResultTwiml, connectTwiml, emptyTwiml, goodbyeTwiml, incomingCallTwiml, menuChoice, waitTwiml, type VoiceUrls } from './twiml.ts';

interface Call {
  params: Record<string, string>;
  channel: ChannelConfig;
  settings: VoiceSettings;
  urls: VoiceUrls;
  services: WebhookServices;
}

/** Per step: what the stored event is called (null: nothing to keep) and the TwiML that answers it. */
const steps: Record<string, { event: VoiceWebhook | null; answer(call: Call): Promise<string> | string }> = {
  '': { event: 'voice', answer: async (c) => incomingCallTwiml(c.settings, { open: await c.services.isOpen(c.settings.businessCalendar), channelId: c.channel.id, urls: c.urls }) },
  menu: { event: 'voiceMenu', answer: (c) => connectTwiml(c.settings, { channelId: c.channel.id, urls: c.urls }) },
  wait: { event: null, answer: (c) => waitTwiml(c.settings, Number(c.params.QueueTime ?? 0) || 0) },
  connected: { event: 'voiceConnected', answer: (c) => connectResultTwiml(c.settings, { ...connectResultOf(c.params), urls: c.urls }) },
  voicemail: { event: 'voicemail', answer: (c) => goodbyeTwiml(c.settings) },
  transcription: { event: 'voiceTranscription', answer: () => emptyTwiml() },
  status: { event: 'voiceStatus', answer: () => emptyTwiml() },
};

const notSetUp = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this line is not set up yet.</Say><Hangup/></Response>';

/** Only a key that is a menu option is a choice; anything else (or none) leaves the call unrouted by menu. */
function menuParams(settings: VoiceSettings | null, params: Record<string, string>): Record<string, string> | null {
  const choice = settings ? menuChoice(settings, params.Digits) : null;
  return choice ? { ...params, Digits: choice } : null;
}

const callUrls = (req: WebhookRequest, channel: ChannelConfig): VoiceUrls => {
  const url = (step: string) => webhookUrl(req.baseUrl, channel.kind, channel.id, step);
  return { menu: url('menu'), wait: url('wait'), connected: url('connected'), voicemail: url('voicemail'), transcription: url('transcription') };
};

async function receive(req: WebhookRequest, channel: ChannelConfig, services: WebhookServices) {
  const step = steps[req.step]!;
  const params = twilioForm(req.rawBody);
  const parsed = voiceSettingsSchema.safeParse(channel.settings);
  const settings = parsed.success ? parsed.data : null;
  const stored = step.event === 'voiceMenu' ? menuParams(settings, params) : params;
  const payload = step.event && stored ? { webhook: step.event, params: stored } : null;
  const events = payload ? [{ key: keyOrHash(voiceEventKey(payload), req.rawBody), payload }] : [];
  if (!settings) return { events, answer: twiml(notSetUp) };
  return { events, answer: twiml(await step.answer({ params, channel, settings, urls: callUrls(req, channel), services })) };
}

const toNumber: WebhookAlias['address'] = ({ rawBody }) => twilioForm(rawBody).To?.trim() || null;

export const voiceWebhook: ChannelWebhook = {
  steps: Object.keys(steps),
  maxBodyBytes: 512 * 1024,
  contentTypes: TWILIO_CONTENT_TYPES,
  rejectedDetails: (req) => twilioForm(req.rawBody),
  receive,
  aliases: Object.keys(steps).map((step) => ({ path: step ? `twilio/voice/${step}` : 'twilio/voice', step, address: toNumber })),
};
