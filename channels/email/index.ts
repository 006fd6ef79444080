// The email channel: inbound over SMTP or IMAP (see smtp-inbound.ts, imap-poll.ts), out over SMTP.
import type { ChannelAdapter } from '../types.ts';
import { normalizeEmail } from './normalize.ts';
import { prepareEmailMessageId, sendEmail } from './send.ts';

export function createEmailAdapter(): ChannelAdapter {
  return {
    kind: 'email',
    threading: 'per-topic',
    live: false,
    contactFields: (address) => ({ email: address }),
    // Base64 grows files by a third; 20 MiB of files stays under the 25-30 MB most mail servers accept.
    maxOutboundFileBytes: 20 * 1024 * 1024,
    normalize: (raw) => normalizeEmail(raw),
    prepareExternalId: prepareEmailMessageId,
    send: sendEmail,
  };
}
