// The call flow's webhooks (/webhooks/twilio/voice/...): each verifies the request, stores the
// call step as an InboundEvent (not the hold-music polls), and answers the next TwiML at once.
import { Hono, type Context } from 'hono';
import { connectResultOf, voiceEventKey, type VoiceWebhook } from '../../../channels/voice/call-step.ts';
import { voiceSettingsSchema, type VoiceSettings } from '../../../channels/voice/schema.ts';
import { connectResultTwiml, connectTwiml, emptyTwiml, goodbyeTwiml, incomingCallTwiml, menuChoice, waitTwiml, type VoiceUrls } from '../../../channels/voice/twiml.ts';
import { twilioWebhookPaths } from '../../../channels/twilio/webhook-paths.ts';
import type { Channel } from '../../db/client.ts';
import { isOpenNow } from '../../domain/calls/is-open-now.ts';
import type { AppDeps } from '../context.ts';
import { authenticateTwilio, channelForNumber, readTwilioRequest, storeEvent, twiml, type TwilioRequest } from './twilio-request.ts';

interface VoiceCall {
  req: TwilioRequest;
  channel: Channel;
  settings: VoiceSettings;
  urls: VoiceUrls;
}

type Respond = (call: VoiceCall) => Promise<string> | string;

export function twilioVoiceRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post('/', handle(deps, 'voice', async ({ channel, settings, urls }) => {
    const open = await isOpenNow(deps, { workspaceId: channel.workspaceId, calendarName: settings.businessCalendar, at: deps.clock.now() });
    return incomingCallTwiml(settings, { open, channelId: channel.id, urls });
  }));
  app.post('/menu', handle(deps, 'voiceMenu', ({ channel, settings, urls }) => connectTwiml(settings, { channelId: channel.id, urls })));
  app.post('/wait', handle(deps, null, ({ req, settings }) => waitTwiml(settings, Number(req.params.QueueTime ?? 0) || 0)));
  app.post('/connected', handle(deps, 'voiceConnected', ({ req, settings, urls }) => connectResultTwiml(settings, { ...connectResultOf(req.params), urls })));
  app.post('/voicemail', handle(deps, 'voicemail', ({ settings }) => goodbyeTwiml(settings)));
  app.post('/transcription', handle(deps, 'voiceTranscription', () => emptyTwiml()));
  app.post('/status', handle(deps, 'voiceStatus', () => emptyTwiml()));
  return app;
}

/** `webhook` null: nothing to store (hold-music polls). */
function handle(deps: AppDeps, webhook: VoiceWebhook | null, respond: Respond) {
  return async (c: Context) => {
    const req = await readTwilioRequest(c, deps.config);
    const channel = await channelForNumber(deps, { kind: 'voice', address: req.params.To, param: 'To' });
    await authenticateTwilio(deps, req, channel);
    const parsed = voiceSettingsSchema.safeParse(channel.settings);
    const params = webhook === 'voiceMenu' ? menuParams(parsed.success ? parsed.data : null, req.params) : req.params;
    if (webhook && params) {
      const payload = { webhook, params };
      await storeEvent(deps, channel, req, voiceEventKey(payload), payload);
    }
    if (!parsed.success) {
      deps.log.error({ channelId: channel.id, issues: parsed.error.issues }, 'voice channel settings are invalid');
      return twiml(c, '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this line is not set up yet.</Say><Hangup/></Response>');
    }
    return twiml(c, await respond({ req, channel, settings: parsed.data, urls: voiceUrls(req.baseUrl) }));
  };
}

/** Only a key that is a menu option is a choice; anything else (or none) leaves the call unrouted by menu. */
function menuParams(settings: VoiceSettings | null, params: Record<string, string>): Record<string, string> | null {
  const choice = settings ? menuChoice(settings, params.Digits) : null;
  return choice ? { ...params, Digits: choice } : null;
}

function voiceUrls(baseUrl: string): VoiceUrls {
  return {
    menu: `${baseUrl}${twilioWebhookPaths.voiceMenu}`,
    wait: `${baseUrl}${twilioWebhookPaths.voiceWait}`,
    connected: `${baseUrl}${twilioWebhookPaths.voiceConnected}`,
    voicemail: `${baseUrl}${twilioWebhookPaths.voicemail}`,
    transcription: `${baseUrl}${twilioWebhookPaths.voiceTranscription}`,
  };
}
