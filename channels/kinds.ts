// The kinds of channel Parley has, on their own so that schemas the browser's type check loads
// (routing workflows and SLA policies name channel kinds) need none of the adapters. The registry
// maps every kind to its adapter and fails to compile when one is missing.
export const channelKinds = ['email', 'sms', 'whatsapp', 'voice', 'telegram', 'webchat', 'custom'] as const;
export type ChannelKind = (typeof channelKinds)[number];
