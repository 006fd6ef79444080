// A real SMTP server on loopback standing in for the customer's mailbox: it records every message.
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SinkMessage {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  messages: SinkMessage[];
  /** Makes the next `count` deliveries fail with this SMTP reply code (e.g. 451 transient, 550 permanent). */
  failNext(count: number, code: number): void;
  /** An outage: while set, every delivery fails with this SMTP reply code; null accepts again. */
  refuseAll(code: number | null): void;
  /** Deliveries refused so far (by failNext or refuseAll). */
  refused: number;
  /** Called right after the sink has answered 250 to a message (a test kills the sender there); null removes it. */
  afterAccept(hook: ((m: SinkMessage) => void) | null): void;
  waitFor(predicate: (m: SinkMessage) => boolean, timeoutMs?: number): Promise<SinkMessage>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: SinkMessage[] = [];
  const failures: number[] = [];
  let outage: number | null = null;
  let refused = 0;
  let accepted: ((m: SinkMessage) => void) | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const code = failures.shift() ?? outage;
        if (code) refused++;
        if (code) return callback(Object.assign(new Error(`sink refused with ${code}`), { responseCode: code }));
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const m = { envelope: { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed };
            messages.push(m);
            callback();
            // The 250 is written by callback(); the hook runs right after it.
            accepted?.(m);
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  // A sender that dies mid-session (a SIGKILLed worker) resets its connection: that is no failure of the sink.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    messages,
    failNext: (count, code) => failures.push(...Array.from({ length: count }, () => code)),
    refuseAll: (code) => {
      outage = code;
    },
    get refused() {
      return refused;
    },
    afterAccept: (hook) => {
      accepted = hook;
    },
    async waitFor(predicate, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = messages.find(predicate);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no matching message reached the SMTP sink within ${timeoutMs} ms (got ${messages.length})`);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
