// Ingest scenario: N signed Twilio SMS webhooks from M contacts pushed by C concurrent senders
// through the real HTTP edge, each followed until a connected socket.io agent client (the admin:
// the supervisors' room hears every conversation) receives it as `message.created`; plus, in the
// same run and database, plain `pg` single-row inserts (one transaction per row, 8 connections) as
// the machine's baseline. Ends with the peak RSS of the API and workers processes.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mustConnect } from '../../support/agent-socket.ts';
import { sendAll, twilioSender } from '../../reliability/support/senders.ts';
import { peakRssMb, people, SMS_NUMBER, startBenchCluster, TWILIO } from '../support/bench-cluster.ts';
import { percentile } from '../support/stats.ts';

export interface IngestSize {
  messages: number;
  contacts: number;
  senders: number;
  baselineRows: number;
  /** How long to wait for the last message to reach the agent before reporting what did. */
  drainTimeoutMs: number;
}

export const ingestSizes: Record<'full' | 'quick', IngestSize> = {
  full: { messages: 10_000, contacts: 1_000, senders: 32, baselineRows: 10_000, drainTimeoutMs: 20 * 60_000 },
  quick: { messages: 1_000, contacts: 100, senders: 32, baselineRows: 1_000, drainTimeoutMs: 5 * 60_000 },
};

export interface IngestFigures {
  ingest: { acceptedPerSecond: number; endToEndPerSecond: number; ackP50Ms: number; ackP99Ms: number; agentP50Ms: number; agentP99Ms: number; baselineRowsPerSecond: number; ratio: number; endToEndRatio: number; delivered: number };
  rssMb: { api: number; workers: number };
  [key: string]: Record<string, number>;
}

/** Plain single-row inserts, one transaction each, over 8 connections: rows per second. */
export async function insertBaseline(url: string, rows: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    await pool.query('CREATE TABLE bench_baseline (id bigserial PRIMARY KEY, sid text NOT NULL UNIQUE, body text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())');
    let next = 0;
    const started = performance.now();
    const writer = async () => {
      const client = await pool.connect();
      try {
        for (let i = next++; i < rows; i = next++) {
          await client.query('BEGIN');
          await client.query('INSERT INTO bench_baseline (sid, body) VALUES ($1, $2)', [`SM${i}`, `Text number ${i}.`]);
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
    };
    await Promise.all(Array.from({ length: 8 }, writer));
    return rows / ((performance.now() - started) / 1000);
  } finally {
    await pool.query('DROP TABLE IF EXISTS bench_baseline').catch(() => undefined);
    await pool.end();
  }
}

export async function runIngest(size: IngestSize, opts: { cpuProfDir: string | null; cpuProfApiDir?: string | null }): Promise<IngestFigures> {
  const profile = (dir: string | null | undefined) => (dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : []);
  const c = await startBenchCluster({ workerNodeFlags: profile(opts.cpuProfDir), apiNodeFlags: profile(opts.cpuProfApiDir) });
  try {
    const baselineRowsPerSecond = await insertBaseline(c.benchDb.url, size.baselineRows);
    const agent = await mustConnect(c.apiUrl, { token: await c.login(people.admin) });
    const runTag = randomBytes(3).toString('hex');
    const texts = Array.from({ length: size.messages }, (_, i) => ({
      MessageSid: `SM${runTag}${String(i).padStart(26, '0')}`,
      AccountSid: TWILIO.accountSid,
      From: `+1415${String(2_000_000 + (i % size.contacts)).padStart(7, '0')}`,
      To: SMS_NUMBER,
      Body: `Hello, this is text number ${i} about my order.`,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    }));
    const sentAt = new Map<string, number>();
    const heardAt = new Map<string, number>();
    agent.socket.on('message.created', (m: { externalId?: string | null }) => {
      if (m.externalId && sentAt.has(m.externalId) && !heardAt.has(m.externalId)) heardAt.set(m.externalId, performance.now());
    });
    const webhook = twilioSender({ apiUrl: c.apiUrl, publicUrl: c.apiUrl, authToken: TWILIO.authToken, path: '/webhooks/twilio/messages' });
    const acks: number[] = [];
    const started = performance.now();
    let lastAck = started;
    const stats = await sendAll(
      texts,
      async (t) => {
        const t0 = performance.now();
        if (!sentAt.has(t.MessageSid)) sentAt.set(t.MessageSid, t0);
        const outcome = await webhook(t);
        const t1 = performance.now();
        if (outcome === 'accepted') {
          acks.push(t1 - t0);
          lastAck = Math.max(lastAck, t1);
        }
        return outcome;
      },
      { concurrency: size.senders, perSecond: 1e9 },
    );
    if (stats.permanent.length > 0) throw new Error(`webhooks refused: ${stats.permanent.slice(0, 3).join('; ')}`);
    const deadline = performance.now() + size.drainTimeoutMs;
    while (heardAt.size < size.messages && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    const lastHeard = Math.max(...heardAt.values(), started);
    const agentLatencies = [...heardAt].map(([sid, at]) => at - sentAt.get(sid)!);
    const acceptedPerSecond = stats.accepted / ((lastAck - started) / 1000);
    const endToEndPerSecond = heardAt.size / ((lastHeard - started) / 1000);
    const rssMb = { api: await peakRssMb(c.api.child.pid), workers: await peakRssMb(c.workers.child.pid) };
    agent.close();
    return {
      ingest: {
        acceptedPerSecond,
        endToEndPerSecond,
        ackP50Ms: percentile(acks, 50),
        ackP99Ms: percentile(acks, 99),
        agentP50Ms: percentile(agentLatencies, 50),
        agentP99Ms: percentile(agentLatencies, 99),
        baselineRowsPerSecond,
        ratio: acceptedPerSecond / baselineRowsPerSecond,
        endToEndRatio: endToEndPerSecond / baselineRowsPerSecond,
        delivered: heardAt.size,
      },
      rssMb,
    };
  } finally {
    await c.close();
  }
}
