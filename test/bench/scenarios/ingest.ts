// Ingest scenario: N signed Twilio SMS webhooks from M contacts pushed by C concurrent senders
// through the real HTTP edge, each followed until a connected socket.io agent client (the admin:
// the supervisors' room hears every conversation) receives it as `message.created`; plus, in the
// same run and database, plain `pg` single-row inserts (one transaction per row, 8 connections) as
// the machine's baseline. Ends with the peak RSS of the API and workers processes (the largest
// worker's when several run), next to their resident size once started and idle. Then, once the
// burst has drained, a paced phase: more messages at a steady rate, for the latency at that rate.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mustConnect } from '../../support/agent-socket.ts';
import { twilioSender } from '../../reliability/support/senders.ts';
import { cpuSeconds, currentRssMb, maxOver, peakRssMb, people, SMS_NUMBER, startBenchCluster, TWILIO } from '../support/bench-cluster.ts';
import { followIngest } from '../support/follow-ingest.ts';
import { sampleMemory } from '../support/memory-sampler.ts';

export interface IngestSize {
  messages: number;
  contacts: number;
  senders: number;
  baselineRows: number;
  /** How long to wait for the last message to reach the agent before reporting what did. */
  drainTimeoutMs: number;
  /** After the burst has drained, this many more messages from the same contacts at a steady rate: the latency at that rate. */
  paced: { messages: number; perSecond: number };
}

export const ingestSizes: Record<'full' | 'quick', IngestSize> = {
  full: { messages: 10_000, contacts: 1_000, senders: 32, baselineRows: 10_000, drainTimeoutMs: 20 * 60_000, paced: { messages: 5_000, perSecond: 500 } },
  quick: { messages: 1_000, contacts: 100, senders: 32, baselineRows: 1_000, drainTimeoutMs: 5 * 60_000, paced: { messages: 500, perSecond: 500 } },
};

export interface IngestFigures {
  ingest: { acceptedPerSecond: number; endToEndPerSecond: number; ackP50Ms: number; ackP99Ms: number; agentP50Ms: number; agentP99Ms: number; baselineRowsPerSecond: number; ratio: number; endToEndRatio: number; delivered: number };
  /** The paced phase (IngestSize.paced): the rate asked for, and the ack and agent latencies at it. */
  ingestPaced: { perSecond: number; ackP99Ms: number; agentP50Ms: number; agentP99Ms: number; delivered: number };
  /** Peak (VmHWM) at the end of ingest, and resident (VmRSS) once started, before the burst; the max over worker processes. */
  rssMb: { api: number; workers: number; apiIdle: number; workersIdle: number };
  /** The workers' memory during the burst, sampled from their /metrics each second: the peak of each part (the largest worker's). */
  workersMemMb: { heapUsed: number; heapTotal: number; oldUsed: number; newUsed: number; external: number; rss: number };
  /** CPU seconds each process used from start to the end of the burst (the largest worker's): what a memory setting costs in garbage collection. */
  cpuSeconds: { api: number; workers: number };
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

export interface IngestOptions {
  cpuProfDir: string | null;
  /** Worker processes to start (1 unless `--workers` says otherwise). */
  workers: number;
  /** The same for the API process (the webhook edge), into its own directory. */
  cpuProfApiDir?: string | null;
  /** Node flags for the worker processes and the API (`--worker-flags`, `--api-flags`), before the profiling ones. */
  workerNodeFlags?: string[];
  apiNodeFlags?: string[];
  /** WORKERS_NICE for the worker processes (`--workers-nice`); unset, Parley's default. */
  workersNice?: number;
}

/** The environment the scenario adds to Parley's: WORKERS_NICE when asked for. */
export const clusterEnv = (opts: IngestOptions) => (opts.workersNice === undefined ? {} : { WORKERS_NICE: String(opts.workersNice) });

/** The node flags of the worker processes: a CPU profile each when asked for. */
export const workerFlags = (opts: IngestOptions) => [...(opts.workerNodeFlags ?? []), ...profileFlags(opts.cpuProfDir)];
/** The API process's node flags: its CPU profile when asked for. */
export const apiFlags = (opts: IngestOptions) => [...(opts.apiNodeFlags ?? []), ...profileFlags(opts.cpuProfApiDir)];
const profileFlags = (dir: string | null | undefined) => (dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : []);

export async function runIngest(size: IngestSize, opts: IngestOptions): Promise<IngestFigures> {
  const c = await startBenchCluster({ workerNodeFlags: workerFlags(opts), apiNodeFlags: apiFlags(opts), workerCount: opts.workers, env: clusterEnv(opts) });
  try {
    const idle = { api: await currentRssMb(c.api.child.pid), workers: await maxOver(c.workerProcesses, currentRssMb) };
    const baselineRowsPerSecond = await insertBaseline(c.benchDb.url, size.baselineRows);
    const agent = await mustConnect(c.apiUrl, { token: await c.login(people.admin) });
    const runTag = randomBytes(3).toString('hex');
    const textsOf = (tag: string, count: number) => Array.from({ length: count }, (_, i) => ({
      MessageSid: `SM${tag}${String(i).padStart(26, '0')}`,
      AccountSid: TWILIO.accountSid,
      From: `+1415${String(2_000_000 + (i % size.contacts)).padStart(7, '0')}`,
      To: SMS_NUMBER,
      Body: `Hello, this is text number ${i} about my order.`,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    }));
    const texts = textsOf(runTag, size.messages);
    const webhook = twilioSender({ apiUrl: c.apiUrl, publicUrl: c.apiUrl, authToken: TWILIO.authToken, path: '/webhooks/twilio/messages' });
    // Stopped however the burst ends, so a failed run does not leave the sampler polling.
    const memory = sampleMemory(c.workerMetricsUrls);
    const followed = await followIngest(agent, texts, { idOf: (t) => t.MessageSid, send: webhook, senders: size.senders, drainTimeoutMs: size.drainTimeoutMs }).finally(() => memory.stop());
    const rssMb = {
      api: await peakRssMb(c.api.child.pid),
      workers: await maxOver(c.workerProcesses, peakRssMb),
      apiIdle: idle.api,
      workersIdle: idle.workers,
    };
    const mem = await memory.stop();
    const cpu = { api: await cpuSeconds(c.api.child.pid), workers: await maxOver(c.workerProcesses, cpuSeconds) };
    const workersMemMb = { heapUsed: mem.heapUsedMb, heapTotal: mem.heapTotalMb, oldUsed: mem.oldUsedMb, newUsed: mem.newUsedMb, external: mem.externalMb, rss: mem.rssMb };
    // Measured after the burst's own figures, so they stay the burst's.
    const paced = await followIngest(agent, textsOf(`${runTag}p`, size.paced.messages), {
      idOf: (t) => t.MessageSid, send: webhook, senders: size.senders, drainTimeoutMs: size.drainTimeoutMs, perSecond: size.paced.perSecond,
    });
    agent.close();
    return {
      ingest: {
        ...followed,
        baselineRowsPerSecond,
        ratio: followed.acceptedPerSecond / baselineRowsPerSecond,
        endToEndRatio: followed.endToEndPerSecond / baselineRowsPerSecond,
      },
      ingestPaced: { perSecond: size.paced.perSecond, ackP99Ms: paced.ackP99Ms, agentP50Ms: paced.agentP50Ms, agentP99Ms: paced.agentP99Ms, delivered: paced.delivered },
      rssMb,
      workersMemMb,
      cpuSeconds: cpu,
    };
  } finally {
    await c.close();
  }
}
