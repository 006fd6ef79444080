// The SMTP edge: accepts mail for configured email channels, stores it as InboundEvents and
// answers 250 only once the message is durable. Unknown recipients are refused at RCPT time.
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { Db } from '../../src/db/client.ts';
import { acceptInboundEvent } from '../../src/domain/inbound/accept-inbound-event.ts';
import type { Logger } from '../../src/log.ts';
import type { Queues } from '../../src/queues.ts';
import { extractMessageId } from './message-id.ts';

export interface SmtpInboundDeps {
  db: Db;
  queues: Queues;
  log: Logger;
  maxBytes: number;
}

interface SmtpError extends Error {
  responseCode?: number;
}

const smtpError = (code: number, message: string): SmtpError => Object.assign(new Error(message), { responseCode: code });

export function createSmtpInbound(deps: SmtpInboundDeps): SMTPServer {
  const log = deps.log.child({ edge: 'smtp' });
  const channelFor = (address: string) =>
    deps.db.channel.findFirst({ where: { kind: 'email', address: address.trim().toLowerCase(), active: true }, select: { id: true, workspaceId: true } });

  return new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: deps.maxBytes,
    banner: 'Parley inbound mail',
    logger: false,
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
          return callback(smtpError(552, `5.3.4 message exceeds the ${deps.maxBytes} byte limit`));
        }
        const raw = Buffer.concat(chunks);
        storeForRecipients(raw, session.envelope.rcptTo.map((r) => r.address))
          .then(() => callback())
          .catch((err: unknown) => {
            log.error({ err }, 'could not store inbound mail');
            callback(smtpError(451, '4.3.0 could not store the message, try again later'));
          });
      });
    },
  });

  async function storeForRecipients(raw: Buffer, recipients: string[]): Promise<void> {
    const externalId = extractMessageId(raw);
    const seen = new Set<string>();
    for (const rcpt of recipients) {
      const channel = await channelFor(rcpt);
      if (!channel || seen.has(channel.id)) continue;
      seen.add(channel.id);
      const result = await acceptInboundEvent(deps, { workspaceId: channel.workspaceId, channelId: channel.id, externalId, raw });
      log.info({ ...result, externalId }, 'inbound mail stored');
    }
  }
}
