// The voice channel on Twilio: calls arrive as webhooks (webhook.ts) and
// become call events on the caller's timeline; missed calls and voicemail become call-back cases.
// Parley does not place calls, so there is nothing to send: agents call back by phone.
import { fetchTwilioMedia } from '../twilio/fetch-media.ts';
import { callBackRefusal, twilioContactFields } from '../twilio/reply-path.ts';
import { verifyTwilioRequest } from '../twilio/verify.ts';
import type { HostPolicy } from '../host-policy.ts';
import type { ChannelAdapter } from '../types.ts';
import { normalizeVoice } from './normalize.ts';
import { voiceSetup } from './setup.ts';
import { voiceWebhook } from './webhook.ts';

const noWrittenReplies = 'A phone call cannot be answered in writing: call the customer back, then add a note and resolve the conversation';

export function createVoiceAdapter(deps: { apiBase: string | null; hosts: HostPolicy } = { apiBase: null, hosts: { allowPrivate: false } }): ChannelAdapter {
  return {
    kind: 'voice',
    label: 'Phone (Twilio)',
    shortLabel: 'Phone',
    icon: { path: 'M6.6 3.5l2.6 3.4-1.6 2.3a11 11 0 0 0 7.2 7.2l2.3-1.6 3.4 2.6-1.2 2.6C12 21 3 12 4 4.7z', colour: '#7c3aed' },
    setup: voiceSetup,
    // A call takes the agent whole.
    capacityWeight: 100,
    threading: 'per-contact',
    live: true,
    contactFields: twilioContactFields,
    normalize: async (raw) => normalizeVoice(raw),
    send: async () => ({ ok: false, permanent: true, error: noWrittenReplies, code: 'unsupported' }),
    checkOutbound: ({ to }) => {
      const noCallBack = callBackRefusal(to.address);
      return { ok: false, reason: noCallBack ? `A phone call cannot be answered in writing. ${noCallBack}` : noWrittenReplies };
    },
    verify: verifyTwilioRequest,
    webhook: voiceWebhook,
    fetchMedia: (url, channel, opts) => fetchTwilioMedia(url, channel, { ...opts, apiBase: deps.apiBase, hosts: deps.hosts }),
  };
}
