// What an admin gives for a custom API channel: a key for it, the shared signing secret and where
// replies go.
import type { ChannelSetup } from '../types.ts';
import { customSettingsSchema } from './schema.ts';

export const customSetup: ChannelSetup = {
  settings: customSettingsSchema,
  outboundHosts(settings) {
    const replyUrl = customSettingsSchema.safeParse(settings).data?.replyUrl;
    return replyUrl ? [{ path: 'replyUrl', host: new URL(replyUrl).hostname }] : [];
  },
  canonicalAddress: (raw) => (/^[a-z0-9][a-z0-9-]{2,63}$/.test(raw.trim()) ? raw.trim() : null),
  addressIs: 'a key for the connected system: 3-64 lower-case letters, digits and dashes, e.g. shop-backend',
  addressHint: 'A key for the connected system, e.g. shop-backend',
  form: [
    { path: 'signingSecret', label: 'Signing secret (shared with the system)', type: 'secret', required: true, hint: 'at least 16 characters' },
    { path: 'replyUrl', label: 'Reply URL (agents’ replies are posted here)', type: 'text', hint: 'https://shop.example/parley/replies' },
    { path: 'toleranceSeconds', label: 'Clock tolerance (seconds)', type: 'number', hint: '300' },
  ],
};
