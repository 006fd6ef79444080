// The custom API channel: any system (a shop backend, a mobile app, a form) posts signed JSON
// events to its webhook and receives agents' replies, signed the same way, at its reply URL.
// Formats and the signature scheme: docs/adding-a-channel.md.
import type { ChannelAdapter } from '../types.ts';
import { normalizeCustom } from './normalize.ts';
import { sendCustom, type CustomSendDeps } from './send.ts';
import { customSetup } from './setup.ts';
import { verifyCustomRequest } from './verify.ts';
import { customWebhook } from './webhook.ts';

export function createCustomAdapter(deps: Partial<CustomSendDeps> = {}): ChannelAdapter {
  const send: CustomSendDeps = { fetch: deps.fetch ?? fetch, now: deps.now ?? (() => new Date()), timeoutMs: deps.timeoutMs ?? 15_000, hosts: deps.hosts ?? { allowPrivate: false } };
  return {
    kind: 'custom',
    label: 'Custom API (signed webhook)',
    shortLabel: 'API',
    icon: { path: 'M8 4C6 4 5 5 5 7v2c0 1.5-1 2.5-2 3 1 .5 2 1.5 2 3v2c0 2 1 3 3 3 M16 4c2 0 3 1 3 3v2c0 1.5 1 2.5 2 3-1 .5-2 1.5-2 3v2c0 2-1 3-3 3', colour: '#475569' },
    setup: customSetup,
    capacityWeight: 15,
    threading: 'per-contact',
    live: false,
    // Base64 in JSON grows files by a third; 10 MB of files keeps a reply under most gateways' limits.
    maxOutboundFileBytes: 10 * 1024 * 1024,
    normalize: async (raw, channel) => normalizeCustom(raw, channel.address),
    send: (msg, channel) => sendCustom(send, msg, channel),
    verify: verifyCustomRequest,
    parseStatus: (raw, channel) => {
      const n = normalizeCustom(raw, channel.address);
      return n.kind === 'status' ? n.update : null;
    },
    webhook: customWebhook,
  };
}
