// The website chat: visitors talk through the embeddable widget (web/widget) over the /visitor
// socket.io namespace (listener.ts); their messages are stored and ingested
// like any channel's, and agents' replies reach them through the VisitorTransport.
import type { ChannelAdapter } from '../types.ts';
import { normalizeWebchat } from './normalize.ts';
import { sendWebchat } from './send.ts';
import { webchatListener } from './listener.ts';
import { webchatSetup } from './setup.ts';
import type { VisitorTransport } from './transport.ts';

export function createWebchatAdapter(deps: { visitors: VisitorTransport | null; now?: () => Date }): ChannelAdapter {
  const now = deps.now ?? (() => new Date());
  return {
    kind: 'webchat',
    label: 'Website chat',
    shortLabel: 'Web chat',
    icon: { path: 'M4 5h16v11H9l-5 4z M8 10.5h.01 M12 10.5h.01 M16 10.5h.01', colour: '#ea580c' },
    setup: webchatSetup,
    capacityWeight: 25,
    identityLabel: 'Website visitor',
    listeners: [webchatListener],
    threading: 'per-contact',
    live: true,
    survey: 'link',
    normalize: async (raw, channel) => normalizeWebchat(raw, channel.address),
    send: async (msg, channel) => sendWebchat(deps.visitors, msg, channel, now()),
    showTyping: async (to, _channel, typing) => {
      deps.visitors?.emit(to.address, 'typing', typing);
    },
  };
}
