// What an admin gives for a website chat: the widget's public key and how the widget behaves.
import type { ChannelSetup } from '../types.ts';
import { webchatSettingsSchema } from './schema.ts';

/** Channel ids are UUIDs; a key shaped like one could stand in for another workspace's channel id in the widget's lookup. */
export const looksLikeChannelId = (key: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key.trim());

export const webchatSetup: ChannelSetup = {
  settings: webchatSettingsSchema,
  canonicalAddress: (raw) => (/^[a-z0-9][a-z0-9-]{2,63}$/.test(raw.trim()) && !looksLikeChannelId(raw) ? raw.trim() : null),
  addressIs: 'the widget key: 3-64 lower-case letters, digits and dashes, e.g. acme-website',
  addressHint: 'Widget key: lower-case letters, digits and dashes, e.g. acme-website',
  form: [
    { path: 'title', label: 'Widget title', type: 'text', hint: 'Chat with us' },
    { path: 'greeting', label: 'Greeting', type: 'textarea' },
    { path: 'prechat.topics', label: 'Topics to choose from (one per line)', type: 'list' },
    { path: 'calendar', label: 'Business calendar (offline form outside its hours)', type: 'text' },
    { path: 'offlineWhenNobodyOnline', label: 'Offline form while no agent is online', type: 'checkbox', default: true },
    { path: 'allowedOrigins', label: 'Sites allowed to embed it (one origin per line; empty: any)', type: 'list' },
  ],
};
