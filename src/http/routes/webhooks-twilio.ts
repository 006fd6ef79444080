// Twilio's webhooks: inbound SMS and WhatsApp, delivery status of our messages, and the call flow.
// The channel is the one whose number Twilio names (To; From on status callbacks, which are about
// our own messages), and the request must carry Twilio's signature for that channel's account.
// Every event is stored as an InboundEvent keyed by MessageSid / CallSid + step before we answer,
// so a retried webhook changes nothing; the answer is TwiML at once, the work is the ingest worker's.
import { Hono, type Context } from 'hono';
import { limitBody } from '../body-limit.ts';
import twilio from 'twilio';
import type { ChannelKind } from '../../../channels/types.ts';
import { messagingEventKey } from '../../../channels/twilio/message-status.ts';
import { AppError } from '../../errors.ts';
import type { AppDeps } from '../context.ts';
import { authenticateTwilio, channelForNumber, parseAddressOr400, readTwilioRequest, storeEvent, twiml } from './twilio-request.ts';
import { twilioVoiceRoutes } from './webhooks-twilio-voice.ts';

const MAX_BODY_BYTES = 512 * 1024;

export function twilioWebhookRoutes(deps: AppDeps) {
  const app = new Hono();
  app.use('*', limitBody(MAX_BODY_BYTES, 'Webhook body'));
  app.post('/messages', (c) => messagingWebhook(deps, c, 'To'));
  app.post('/messages/status', (c) => messagingWebhook(deps, c, 'From'));
  app.route('/voice', twilioVoiceRoutes(deps));
  return app;
}

/** Inbound messages name our number as To; status callbacks (our messages) as From. */
async function messagingWebhook(deps: AppDeps, c: Context, ourSide: 'To' | 'From') {
  const req = await readTwilioRequest(c, deps.config);
  const ours = req.params[ourSide];
  // Twilio marks WhatsApp addresses "whatsapp:+..."; plain numbers are SMS.
  const scheme = ours ? parseAddressOr400(ours, ourSide).scheme : null;
  const kinds: Record<string, ChannelKind> = { whatsapp: 'whatsapp' };
  const kind = scheme === null ? 'sms' : kinds[scheme];
  if (!kind) throw new AppError('bad_request', `${ourSide} ${ours} is neither an SMS nor a WhatsApp address`);
  const channel = await channelForNumber(deps, { kind, address: ours, param: ourSide });
  await authenticateTwilio(deps, req, channel);
  await storeEvent(deps, channel, req, messagingEventKey(req.params), req.params);
  return twiml(c, new twilio.twiml.MessagingResponse().toString());
}
