// Customers' providers as the fault-injection suite plays them: several concurrent senders push
// messages through the SMTP edge and signed Twilio webhooks at a steady rate, and retry whatever
// got no answer or a temporary refusal (an SMTP 4xx, an HTTP 429 or 5xx) until it is accepted,
// as mail servers and Twilio do. A permanent refusal is recorded (the suite expects none).
import http from 'node:http';
import nodemailer from 'nodemailer';
import twilio from 'twilio';

export type Attempt = 'accepted' | 'temporary' | 'no-answer' | { permanent: string };

export interface SendStats {
  /** Messages the senders had to deliver. */
  sent: number;
  /** Messages accepted in the end (an answer 250 / 2xx). */
  accepted: number;
  /** Attempts refused with a temporary answer (SMTP 4xx, HTTP 429 / 5xx) and tried again. */
  refusedWithRetry: number;
  /** Attempts that got no answer at all (connection refused, reset, timed out) and were tried again. */
  noAnswer: number;
  permanent: string[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends every item (each until accepted) with `concurrency` senders, starting at most `perSecond` new items a second. */
export async function sendAll<T>(items: readonly T[], send: (item: T) => Promise<Attempt>, opts: { concurrency: number; perSecond: number; giveUpMs?: number }): Promise<SendStats> {
  const stats: SendStats = { sent: items.length, accepted: 0, refusedWithRetry: 0, noAnswer: 0, permanent: [] };
  const start = Date.now();
  let next = 0;
  const sender = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      const due = start + (i * 1000) / opts.perSecond;
      if (due > Date.now()) await sleep(due - Date.now());
      let backoff = 250;
      const deadline = Date.now() + (opts.giveUpMs ?? 300_000);
      for (;;) {
        const outcome = await send(items[i]!).catch((err: unknown): Attempt => ({ permanent: `sender error: ${String(err)}` }));
        if (outcome === 'accepted') {
          stats.accepted++;
          break;
        }
        if (typeof outcome === 'object') {
          stats.permanent.push(outcome.permanent);
          break;
        }
        if (outcome === 'temporary') stats.refusedWithRetry++;
        else stats.noAnswer++;
        if (Date.now() > deadline) {
          stats.permanent.push(`gave up after ${opts.giveUpMs ?? 300_000} ms`);
          break;
        }
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, sender));
  return stats;
}

export interface InboundMail {
  messageId: string;
  from: string;
  subject: string;
  text: string;
}

/** One SMTP delivery attempt to the edge, as a mail server makes it. */
export function smtpSender(opts: { port: number; to: string }) {
  return async (m: InboundMail): Promise<Attempt> => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: opts.port, secure: false, ignoreTLS: true, connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000 });
    try {
      await transport.sendMail({ messageId: m.messageId, from: m.from, to: opts.to, subject: m.subject, text: m.text });
      return 'accepted';
    } catch (err) {
      const code = (err as { responseCode?: number }).responseCode;
      if (typeof code === 'number') return code >= 500 ? { permanent: `SMTP ${code}: ${(err as Error).message}` } : 'temporary';
      return 'no-answer';
    } finally {
      transport.close();
    }
  };
}

/**
 * One signed Twilio webhook attempt (the SDK's own signing), as Twilio makes it: a POST on a
 * kept-alive connection. node:http rather than fetch: undici spends ~0.5 ms of CPU per request
 * (node:http ~0.15 ms), which on the bench's two cores is CPU the edge under test does not get.
 */
export function twilioSender(opts: { apiUrl: string; publicUrl: string; authToken: string; path: string }) {
  const agent = new http.Agent({ keepAlive: true });
  const target = new URL(opts.path, opts.apiUrl);
  return (params: Record<string, string>): Promise<Attempt> => {
    const signature = twilio.getExpectedTwilioSignature(opts.authToken, `${opts.publicUrl}${opts.path}`, params);
    const body = new URLSearchParams(params).toString();
    const headers = { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body), 'x-twilio-signature': signature };
    return new Promise<Attempt>((resolve) => {
      const req = http.request(target, { method: 'POST', agent, headers, timeout: 15_000 }, (res) => {
        const status = res.statusCode ?? 0;
        res.resume();
        res.on('error', () => resolve('no-answer'));
        res.on('end', () => {
          if (status >= 200 && status < 300) resolve('accepted');
          else if (status === 429 || status >= 500) resolve('temporary');
          else resolve({ permanent: `HTTP ${status}` });
        });
      });
      req.on('timeout', () => req.destroy(new Error('no answer within 15 s')));
      req.on('error', () => resolve('no-answer'));
      req.end(body);
    });
  };
}

/** A small seeded generator, so a failing run's chaos schedule can be replayed (the seed is printed). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
