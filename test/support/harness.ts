// A whole Parley (API + socket.io + SMTP edge + workers) on ephemeral ports, against a fresh
// database and its own queue prefix, plus a customer mailbox (SMTP sink). Everything is real.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { io as ioClient, type Socket } from 'socket.io-client';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/log.ts';
import { queueNames, type QueueName } from '../../src/queues.ts';
import { createRuntime, startApi, startWorkerSet, type Runtime } from '../../src/runtime.ts';
import { createWorkspace, type WorkspaceSpec } from '../../src/seed/create-workspace.ts';
import type { Clock } from '../../src/clock.ts';
import { createTestDb, type TestDb } from './db.ts';
import { createFakeDns, testDkimFor, type FakeDns } from './fake-dns.ts';
import { testRedisUrl } from './env.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';
import { waitUntil } from './wait.ts';
import { testHashEnv, testPasswords } from './passwords.ts';

export const PASSWORD = 'correct horse battery';
export const INBOX = 'help@acme.test';

export interface Harness extends EmptyHarness {
  workspace: Awaited<ReturnType<typeof createWorkspace>>;
}

/** A Parley on a migrated database with no workspace at all (what a new install starts from). */
export interface EmptyHarness {
  rt: Runtime;
  testDb: TestDb;
  sink: SmtpSink;
  apiUrl: string;
  smtpPort: number;
  /** Logs in over the API (with the harness's PASSWORD unless told another) and returns the token. */
  login(email: string, password?: string): Promise<string>;
  api<T = any>(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** Mail from a customer whose domain DKIM-signs it (the fake DNS publishes the key): a proven sender. */
  sendCustomerMail(mail: SendMailOptions): Promise<string>;
  /** Mail as it is, unsigned (or as `mail.dkim` signs it): SPF and DMARC answer from `dns`. */
  sendRawMail(mail: SendMailOptions, envelope?: { from: string; to: string[] }): Promise<string>;
  /** The DNS the SMTP edge checks senders with. */
  dns: FakeDns;
  /** The conversation an inbound message (by its Message-ID) landed in, once ingested. */
  conversationFor(messageId: string): Promise<string>;
  socket(token: string): Promise<Socket>;
  /** Jobs this harness's workers completed, in order (from the workers' `completed` events). */
  completedJobs: { queue: QueueName; jobId: string | undefined; result: unknown }[];
  /** Resolves with a job's result once a worker completed the job with this id (before or after the call). */
  jobCompleted(queue: QueueName, jobId: string, timeoutMs?: number): Promise<unknown>;
  /**
   * Resolves once none of these queues holds a job waiting, running or delayed (a retry's backoff
   * counts as delayed). Name only the queues whose work the test waits for: SLA timers and offer
   * or step timeouts stay delayed by design.
   */
  queuesDrained(queues: QueueName[], timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Merged into the email channel's settings. */
  channelSettings?: Record<string, unknown>;
  /** More channels of the workspace (SMS, WhatsApp, voice ...), after the email channel. */
  channels?: WorkspaceSpec['channels'];
  /** More environment for loadConfig (PUBLIC_URL, MEDIA_MAX_BYTES ...). */
  env?: Record<string, string>;
  clock?: Clock;
}

export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const testDb = await createTestDb();
  const sink = await startSmtpSink();
  const prefix = `t-${randomBytes(5).toString('hex')}`;
  const workspace = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
    name: 'Acme',
    slug: `acme-${prefix}`,
    teams: ['Support', 'Billing'],
    agents: [
      { email: `admin-${prefix}@acme.test`, name: 'Alex Admin', role: 'admin', password: PASSWORD },
      { email: `ada-${prefix}@acme.test`, name: 'Ada Agent', role: 'agent', password: PASSWORD, teams: ['Support'] },
      { email: `bob-${prefix}@acme.test`, name: 'Bob Agent', role: 'agent', password: PASSWORD, teams: ['Billing'] },
    ],
    channels: [
      {
        kind: 'email',
        name: 'Help',
        address: INBOX,
        settings: { fromName: 'Acme Help', smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true }, ...opts.channelSettings },
      },
      ...(opts.channels ?? []),
    ],
  });
  return { ...(await bootParley({ testDb, sink, prefix, opts })), workspace };
}

/** Parley on an empty migrated database (no workspace, nobody to log in as): for the first-run and create-admin journeys. */
export async function startEmptyHarness(opts: Pick<HarnessOptions, 'env' | 'clock'> = {}): Promise<EmptyHarness> {
  const testDb = await createTestDb();
  const sink = await startSmtpSink();
  return bootParley({ testDb, sink, prefix: `t-${randomBytes(5).toString('hex')}`, opts });
}

async function bootParley({ testDb, sink, prefix, opts }: { testDb: TestDb; sink: SmtpSink; prefix: string; opts: Pick<HarnessOptions, 'env' | 'clock'> }): Promise<EmptyHarness> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-test-'));
  const config = loadConfig({
    DATABASE_URL: testDb.url,
    REDIS_URL: testRedisUrl,
    QUEUE_PREFIX: prefix,
    DATA_DIR: dataDir,
    PORT: '0',
    // An ephemeral port is not known until the server listens: the URL providers would be given.
    PUBLIC_URL: 'http://localhost:3000',
    HOST: '127.0.0.1',
    SMTP_INBOUND_PORT: '0',
    SMTP_INBOUND_HOST: '127.0.0.1',
    SWEEP_INTERVAL_SECONDS: '3600',
    // Transient delivery failures retried after 2 s, 2 s, 4 s ... (production: 30 s doubling to 1 h).
    DELIVER_RETRY_BASE_MS: '2000',
    DELIVER_RETRY_MAX_MS: '60000',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The SMTP sink, the fake providers and test mail servers all listen on loopback.
    ALLOW_PRIVATE_HOSTS: 'true',
    // Outgoing webhooks' test receivers listen on loopback too.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...testHashEnv,
    ...opts.env,
  });
  const dns = createFakeDns();
  const rt = createRuntime(config, createLogger(config.LOG_LEVEL), { clock: opts.clock, dns: dns.resolver });
  const workers = await startWorkerSet(rt);
  const completedJobs: Harness['completedJobs'] = [];
  for (const queue of queueNames) workers.onCompleted(queue, (result, jobId) => completedJobs.push({ queue, jobId, result }));
  const api = await startApi(rt);
  const smtpPort = api.listeners.port('email.smtp');
  const apiUrl = `http://127.0.0.1:${api.port}`;
  const sockets: Socket[] = [];
  const sendMail = async (mail: SendMailOptions) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ to: INBOX, ...mail });
    transport.close();
    return info.messageId;
  };

  const call: Harness['api'] = async (token, method, p, body) => {
    const res = await fetch(`${apiUrl}${p}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };

  return {
    rt,
    testDb,
    sink,
    apiUrl,
    smtpPort,
    async login(email, password = PASSWORD) {
      const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    api: call,
    dns,
    async sendCustomerMail(mail) {
      const from = typeof mail.from === 'string' ? mail.from : mail.from && !Array.isArray(mail.from) ? mail.from.address : undefined;
      return sendMail({ ...(from ? { dkim: testDkimFor(from) } : {}), ...mail });
    },
    sendRawMail: (mail, envelope) => sendMail({ ...mail, ...(envelope ? { envelope } : {}) }),
    conversationFor: (messageId) =>
      waitUntil(async () => (await testDb.db.message.findFirst({ where: { externalId: messageId } }))?.conversationId, `the conversation of ${messageId}`),
    async socket(token) {
      const s = ioClient(apiUrl, { auth: { token }, transports: ['websocket'], reconnection: false });
      sockets.push(s);
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      return s;
    },
    completedJobs,
    async jobCompleted(queue, jobId, timeoutMs) {
      const done = await waitUntil(async () => completedJobs.find((j) => j.queue === queue && j.jobId === jobId), `the ${queue} job ${jobId} to complete`, timeoutMs);
      return done.result;
    },
    async queuesDrained(queues, timeoutMs) {
      await waitUntil(
        async () => {
          for (const q of queues) {
            const counts = await rt.deps.queues.raw(q).getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
            // Thrown, not returned: the timeout message then says what was still queued.
            if (Object.values(counts).some((n) => n > 0)) throw new Error(`${q} still has ${JSON.stringify(counts)}`);
          }
          return true;
        },
        `the ${queues.join(', ')} queue${queues.length > 1 ? 's' : ''} to drain`,
        timeoutMs,
      );
    },
    async close() {
      for (const s of sockets) s.disconnect();
      await api.close();
      await workers.close();
      for (const q of queueNames) await rt.deps.queues.raw(q).obliterate({ force: true }).catch(() => undefined);
      await rt.close();
      await sink.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
