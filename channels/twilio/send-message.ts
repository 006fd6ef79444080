// Outbound SMS / WhatsApp through Twilio's Messages API with the official SDK. Twilio assigns the
// MessageSid, so there is no id to prepare; the status callback URL brings delivery updates back.
import type { ChannelConfig, OutboundMessage, SendResult } from '../types.ts';
import { createTwilioClient } from './client.ts';
import { twilioAddress } from './phone.ts';
import { parseTwilioSettings } from './schema.ts';

export interface TwilioSendOptions {
  /** "whatsapp" for WhatsApp, null for SMS. */
  scheme: string | null;
  /** Where Twilio posts status callbacks; null sends none (no public URL known). */
  statusCallbackUrl: string | null;
  /** The instance's Twilio API base (TWILIO_API_BASE); null: Twilio's own. */
  apiBase: string | null;
}

export async function sendTwilioMessage(msg: OutboundMessage, channel: ChannelConfig, opts: TwilioSendOptions): Promise<SendResult> {
  const parsed = parseTwilioSettings(channel.settings);
  if (!parsed.ok) return { ok: false, permanent: true, error: parsed.error, code: 'invalid_settings' };
  if (msg.attachments.length > 0) {
    return { ok: false, permanent: true, error: 'Parley cannot send files over SMS or WhatsApp yet; send a link instead', code: 'unsupported' };
  }
  const content = msg.template
    ? { contentSid: msg.template.id, contentVariables: JSON.stringify(msg.template.variables) }
    : { body: msg.text };
  try {
    const sent = await createTwilioClient(parsed.settings, opts.apiBase).messages.create({
      to: twilioAddress(opts.scheme, msg.to.address),
      from: twilioAddress(opts.scheme, channel.address),
      ...content,
      ...(opts.statusCallbackUrl ? { statusCallback: opts.statusCallbackUrl } : {}),
    });
    // 'sent' = Twilio accepted it. Never 'queued': that state means "not handed over yet" to the
    // deliver sweep, which would send it again. Twilio's own queued/sent/delivered arrive as callbacks.
    return { ok: true, externalId: sent.sid, status: 'sent' };
  } catch (err) {
    return classifyTwilioError(err);
  }
}

interface TwilioErrorLike {
  status?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * Twilio's REST errors carry the HTTP status and Twilio's code (https://www.twilio.com/docs/api/errors):
 * 5xx and 429 may pass, any other 4xx (21211 invalid number, 21610 unsubscribed ...) will not.
 * No HTTP status means the request never got an answer (network, timeout): worth retrying.
 */
export function classifyTwilioError(err: unknown): SendResult & { ok: false } {
  const e = (typeof err === 'object' && err !== null ? err : { message: String(err) }) as TwilioErrorLike;
  const message = typeof e.message === 'string' && e.message.trim() ? e.message.trim() : 'unknown Twilio error';
  if (typeof e.status === 'number') {
    const permanent = e.status < 500 && e.status !== 429;
    const code = typeof e.code === 'number' || typeof e.code === 'string' ? String(e.code) : `HTTP ${e.status}`;
    return { ok: false, permanent, error: message, code };
  }
  return { ok: false, permanent: false, error: message, code: typeof e.code === 'string' ? e.code : null };
}
