// The email adapter keeps the channel adapter contract over the saved messages in test/fixtures/email.
import { readFileSync, readdirSync } from 'node:fs';
import { createEmailAdapter } from '../../../../channels/email/index.ts';
import { runAdapterContract } from '../../../support/adapter-contract.ts';

const dir = new URL('../../../fixtures/email/', import.meta.url);
const eml = (name: string) => readFileSync(new URL(name, dir));
const unusable = new Set(['no-from.eml']);
const mail = (headers: string[], body: string) => Buffer.from([...headers, '', body].join('\r\n'));

runAdapterContract({
  adapter: createEmailAdapter(),
  channel: { id: 'c-email', workspaceId: 'w1', kind: 'email', address: 'support@acme.test', settings: {} },
  fixtures: readdirSync(dir)
    .filter((name) => name.endsWith('.eml') && !unusable.has(name))
    .map((name) => ({ name, raw: eml(name) })),
  // The raw RFC 822 bytes, as the SMTP and IMAP edges store them.
  asBytes: (raw) => Buffer.from(raw as Uint8Array),
  invalid: [
    { name: 'no From header', raw: eml('no-from.eml'), reason: /message has no From header/ },
    { name: 'prose without headers', raw: 'hello, this is not an email at all', reason: /not an email: no header fields found/ },
    { name: 'a From without an address', raw: mail(['From: Jane', 'Subject: hi'], 'body'), reason: /From header has no usable address/ },
  ],
  verify: { none: 'mail arrives over SMTP or IMAP, which carry no provider signature; the SMTP edge takes only its own domains and IMAP is fetched with the channel’s login' },
  statuses: { none: 'SMTP reports no delivery status to Parley; a failed delivery comes back as mail, a bounce item' },
  oversized: {
    raw: mail(['From: Dana <dana@example.com>', 'To: support@acme.test', 'Subject: the whole log'], 'log line 0123456789 abcdefghij\r\n'.repeat(128 * 1024)),
    accepted: 'mail can be large; the SMTP edge refuses anything over SMTP_INBOUND_MAX_BYTES, and what it took is read whole',
  },
});
