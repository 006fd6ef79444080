// SMTP ingest scenario: the same N messages from M senders as the Twilio one, delivered by C
// concurrent mail servers through the real SMTP edge (nodemailer, one connection per message as
// a sending MTA opens it, to the API's SMTP_INBOUND_PORT; the edge checks SPF/DKIM/DMARC with the
// machine's DNS as it does in production), each followed until the admin's socket receives it as
// `message.created`. Reported as `ingestSmtp.*`, with the processes' peak RSS at its end.
import { randomBytes } from 'node:crypto';
import { mustConnect } from '../../support/agent-socket.ts';
import { smtpSender, type InboundMail } from '../../reliability/support/senders.ts';
import { INBOX, maxOver, peakRssMb, people, startBenchCluster } from '../support/bench-cluster.ts';
import { followIngest, type FollowedIngest } from '../support/follow-ingest.ts';
import { workerFlags, apiFlags, clusterEnv, type IngestOptions, type IngestSize } from './ingest.ts';

export interface SmtpIngestFigures {
  ingestSmtp: FollowedIngest & { rssApiMb: number; rssWorkersMb: number };
  [key: string]: Record<string, number>;
}

export async function runSmtpIngest(size: IngestSize, opts: IngestOptions): Promise<SmtpIngestFigures> {
  const c = await startBenchCluster({ workerNodeFlags: workerFlags(opts), apiNodeFlags: apiFlags(opts), workerCount: opts.workers, env: clusterEnv(opts) });
  try {
    const agent = await mustConnect(c.apiUrl, { token: await c.login(people.admin) });
    const runTag = randomBytes(3).toString('hex');
    const mails: InboundMail[] = Array.from({ length: size.messages }, (_, i) => ({
      messageId: `<bench-${runTag}-${i}@customer.example>`,
      from: `Customer ${i % size.contacts} <customer${i % size.contacts}@customer.example>`,
      subject: `Order question ${i}`,
      text: `Hello, this is mail number ${i} about my order.`,
    }));
    const smtp = smtpSender({ port: c.smtpPort, to: INBOX });
    const followed = await followIngest(agent, mails, { idOf: (m) => m.messageId, send: smtp, senders: size.senders, drainTimeoutMs: size.drainTimeoutMs });
    const rss = { rssApiMb: await peakRssMb(c.api.child.pid), rssWorkersMb: await maxOver(c.workerProcesses, peakRssMb) };
    agent.close();
    return { ingestSmtp: { ...followed, ...rss } };
  } finally {
    await c.close();
  }
}
