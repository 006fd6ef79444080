// The email channel: inbound over SMTP or IMAP (listeners in smtp-inbound.ts, imap-poll.ts), out over SMTP.
import type { HostPolicy } from '../host-policy.ts';
import type { ChannelAdapter } from '../types.ts';
import { normalizeEmail } from './normalize.ts';
import { prepareEmailMessageId, sendEmail } from './send.ts';
import { emailSetup } from './setup.ts';
import { imapListener } from './imap-poll.ts';
import { createSmtpListener } from './smtp-inbound.ts';
import type { DNSResolver } from './authenticate-inbound.ts';

/** `resolver`: the DNS the SMTP edge checks senders with (SPF, DKIM, DMARC); node's own when not given. `hosts`: which mail servers it may connect to. */
export function createEmailAdapter(deps: { resolver?: DNSResolver; hosts?: HostPolicy } = {}): ChannelAdapter {
  const hosts = deps.hosts ?? { allowPrivate: false };
  return {
    kind: 'email',
    label: 'Email',
    shortLabel: 'Email',
    icon: { path: 'M3 5h18v14H3z M3 6l9 7 9-7', colour: '#2563eb' },
    setup: emailSetup,
    capacityWeight: 10,
    threading: 'per-topic',
    live: false,
    survey: 'link',
    contactFields: (address) => ({ email: address }),
    // Base64 grows files by a third; 20 MiB of files stays under the 25-30 MB most mail servers accept.
    maxOutboundFileBytes: 20 * 1024 * 1024,
    normalize: (raw) => normalizeEmail(raw),
    prepareExternalId: prepareEmailMessageId,
    send: (msg, channel) => sendEmail(msg, channel, hosts),
    listeners: [createSmtpListener({ resolver: deps.resolver }), imapListener(hosts)],
  };
}
