// The voice channel on Twilio: calls arrive as webhooks (src/http/routes/webhooks-twilio.ts) and
// become call events on the caller's timeline; missed calls and voicemail become call-back cases.
// Parley does not place calls, so there is nothing to send: agents call back by phone.
import { fetchTwilioMedia } from '../twilio/fetch-media.ts';
import { verifyTwilioRequest } from '../twilio/verify.ts';
import type { ChannelAdapter } from '../types.ts';
import { normalizeVoice } from './normalize.ts';

const noWrittenReplies = 'A phone call cannot be answered in writing: call the customer back, then add a note and resolve the conversation';

export function createVoiceAdapter(): ChannelAdapter {
  return {
    kind: 'voice',
    threading: 'per-contact',
    live: true,
    contactFields: (address) => ({ phone: address }),
    normalize: async (raw) => normalizeVoice(raw),
    send: async () => ({ ok: false, permanent: true, error: noWrittenReplies, code: 'unsupported' }),
    checkOutbound: () => ({ ok: false, reason: noWrittenReplies }),
    verify: verifyTwilioRequest,
    fetchMedia: fetchTwilioMedia,
  };
}
