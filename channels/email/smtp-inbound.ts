// The SMTP edge: accepts mail for configured email channels, stores it as InboundEvents and
// answers 250 only once the message is durable. Unknown recipients are refused at RCPT time.
import { promises as dns } from 'node:dns';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { ChannelConfig, InboundListener, ListenerContext } from '../types.ts';
import { authenticateInbound, type DNSResolver } from './authenticate-inbound.ts';
import { createCachingResolver } from './caching-resolver.ts';
import { extractMessageId } from './message-id.ts';

interface SmtpError extends Error {
  responseCode?: number;
}

// mailauth's own default, node's resolver (the machine's nameservers); and smtp-server's reverse
// lookup of the connecting IP (asked by IP, so in a cache of its own).
const systemResolve = dns.resolve as DNSResolver;
const systemReverse: DNSResolver = (ip) => dns.reverse(ip);

type ReverseCallback = (err: Error | null, hostnames?: string[]) => void;

const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

export function createSmtpInbound(ctx: ListenerContext, opts: { resolver?: DNSResolver } = {}): SMTPServer {
  const log = ctx.log.child({ edge: 'smtp' });
  const { maxBytes, closeTimeoutMs } = ctx.settings.smtpInbound;
  const channelFor = (address: string) => ctx.channelByAddress(address.trim().toLowerCase());
  // A resolver given (the tests' zone) is used as it is; the system's is asked through a cache, for
  // the sender checks and for smtp-server's reverse lookup of every connecting IP alike.
  const resolver = opts.resolver ?? createCachingResolver({ resolve: systemResolve });
  const reverse = opts.resolver ? null : createCachingResolver({ resolve: systemReverse });
  const reverseLookup = reverse && {
    reverse: (ip: string, callback: ReverseCallback) => void reverse(ip, 'PTR').then((names) => callback(null, names as string[]), (err: Error) => callback(err)),
  };

  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxBytes,
    banner: 'Parley inbound mail',
    ...(reverseLookup ? { resolver: reverseLookup } : {}),
    logger: false,
    // At shutdown no new connection is accepted; open sessions may finish their message this long.
    closeTimeout: closeTimeoutMs,
    async onRcptTo(address: SMTPServerAddress, _session, callback) {
      try {
        const channel = await channelFor(address.address);
        callback(channel ? undefined : smtpError(550, `5.1.1 <${address.address}>: no such mailbox here`));
      } catch (err) {
        log.error({ err }, 'recipient lookup failed');
        callback(smtpError(451, '4.3.0 temporary failure, try again later'));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(smtpError(552, `5.3.4 message exceeds the ${maxBytes} byte limit`));
        }
        const received = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined;
        // Who sent it is judged here, where the connection and envelope are known, and kept with the message.
        authenticateInbound(received, { ip: session.remoteAddress, helo: session.hostNameAppearsAs, mailFrom }, resolver)
          .then((raw) => storeForRecipients(raw, session.envelope.rcptTo.map((r) => r.address)))
          .then(() => callback())
          .catch((err: unknown) => {
            log.error({ err }, 'could not store inbound mail');
            callback(smtpError(451, '4.3.0 could not store the message, try again later'));
          });
      });
    },
  });

  async function storeForRecipients(raw: Buffer, recipients: string[]): Promise<void> {
    // Message-ID (the stamp has none), else the stamped bytes' hash: what normalize computes from the stored bytes.
    const key = extractMessageId(raw);
    const seen = new Set<string>();
    for (const rcpt of recipients) {
      const channel: ChannelConfig | null = await channelFor(rcpt);
      if (!channel || seen.has(channel.id)) continue;
      seen.add(channel.id);
      const result = await ctx.accept(channel, { key, raw });
      log.info({ ...result, channelId: channel.id, externalId: key }, 'inbound mail stored');
    }
  }
}

/** The API process takes mail on SMTP_INBOUND_HOST:SMTP_INBOUND_PORT (unless SMTP_INBOUND_ENABLED is false). */
export const createSmtpListener = (opts: { resolver?: DNSResolver } = {}): InboundListener => ({
  name: 'smtp',
  runsIn: 'api',
  async start(ctx) {
    const { enabled, host, port } = ctx.settings.smtpInbound;
    if (!enabled) return { stop: async () => undefined };
    const server = createSmtpInbound(ctx, opts);
    await new Promise<void>((resolve, reject) => {
      server.on('error', reject);
      server.listen(port, host, () => resolve());
    });
    const bound = server.server.address() as AddressInfo;
    const address = { port: bound.port, host: bound.address };
    ctx.log.info(address, 'SMTP inbound listening');
    return { address, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
  },
});
