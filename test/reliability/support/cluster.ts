// A whole Parley as it runs in production, for the fault-injection suite: the API (with the SMTP
// edge) and the workers as separate child processes (`node --import tsx src/main.ts api|workers`)
// against a Redis server of the test's own (on a free port, killed and restarted empty at will),
// a database cloned from the migrated template, and an SMTP sink for outbound mail. Processes are
// killed with SIGKILL and restarted the way a supervisor (compose's restart policy) would; any
// exit the test did not cause is recorded, so "alive without a manual restart" can be checked.
import { mkdtemp, rm } from 'node:fs/promises';
import { testPasswords } from '../../support/passwords.ts';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startProcess, type ServerProcess } from '../../support/child-process.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { freePort, ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { waitUntil } from '../../support/wait.ts';

const root = path.resolve(import.meta.dirname, '../../..');
export const PASSWORD = 'chaos-test-password';
export const INBOX = 'help@chaos.test';
export const SMS_NUMBER = '+14155550100';
export const TWILIO = { accountSid: 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b', authToken: '12345678901234567890123456789012' };

export type Kind = 'api' | 'workers';

export interface ManagedProcess {
  readonly kind: Kind;
  current(): ServerProcess;
  /** SIGKILL, and wait until it is gone. */
  kill(): Promise<void>;
  /** Starts it again (as a supervisor would) and waits until it answers its health check. */
  restart(): Promise<void>;
  /** Waits until the running process answers its health check. */
  ready(): Promise<void>;
  kills: number;
  /** Exits nobody asked for (a crash): each with its code and the last of its output. */
  crashes: { code: number | null; tail: string }[];
  /** Every unhandled-rejection log line of every run so far. */
  unhandledRejections(): number;
}

export interface Cluster {
  testDb: TestDb;
  redis: OwnRedis;
  sink: SmtpSink;
  apiUrl: string;
  publicUrl: string;
  smtpPort: number;
  api: ManagedProcess;
  workers: ManagedProcess;
  workspaceId: string;
  emailChannelId: string;
  smsChannelId: string;
  login(): Promise<string>;
  close(): Promise<void>;
}

export async function startCluster(opts: { env?: Record<string, string> } = {}): Promise<Cluster> {
  const redis = await ownRedis();
  await redis.start();
  const sink = await startSmtpSink();
  const testDb = await createTestDb();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-chaos-'));
  const ws = await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
    name: 'Chaos',
    slug: 'chaos',
    agents: [{ email: 'admin@chaos.test', name: 'Cora Admin', role: 'admin', password: PASSWORD }],
    channels: [
      { kind: 'email', name: 'Help', address: INBOX, settings: { smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true } } },
      { kind: 'sms', name: 'SMS', address: SMS_NUMBER, settings: TWILIO },
    ],
  });
  const [port, smtpPort, healthPort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: testDb.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: 'chaos',
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: apiUrl,
    SMTP_INBOUND_HOST: '127.0.0.1',
    SMTP_INBOUND_PORT: String(smtpPort),
    HEALTH_PORT: String(healthPort),
    SEED_DEMO: 'false',
    SWEEP_INTERVAL_SECONDS: '2',
    SWEEP_STALE_SECONDS: '3',
    // Each process keeps a small pool: the machine runs other engineers' suites too.
    DATABASE_POOL_SIZE: '8',
    LOG_LEVEL: 'info',
    ...opts.env,
  };
  const manage = (kind: Kind, healthUrl: string): ManagedProcess => {
    let proc: ServerProcess;
    let expectingExit = false;
    let rejections = 0;
    const countRejections = (p: ServerProcess) => p.logs().filter((l) => l.msg === 'unhandled rejection; still serving').length;
    const spawnIt = () => {
      expectingExit = false;
      const p = startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', kind], { cwd: root, env });
      void p.exited.then((code) => {
        rejections += countRejections(p);
        if (!expectingExit) m.crashes.push({ code, tail: p.output().slice(-3000) });
      });
      proc = p;
    };
    const ready = async () => {
      await waitUntil(async () => {
        if (proc.child.exitCode !== null) throw new Error(`${kind} exited with ${proc.child.exitCode}:\n${proc.output().slice(-3000)}`);
        return (await fetch(healthUrl, { signal: AbortSignal.timeout(2_000) }).catch(() => null))?.ok;
      }, `the ${kind} process to answer ${healthUrl}`, 120_000);
    };
    const m: ManagedProcess = {
      kind,
      ready,
      current: () => proc,
      async kill() {
        expectingExit = true;
        m.kills++;
        proc.child.kill('SIGKILL');
        await proc.exited;
      },
      async restart() {
        spawnIt();
        await ready();
      },
      kills: 0,
      crashes: [],
      unhandledRejections: () => rejections + (proc.child.exitCode === null ? countRejections(proc) : 0),
    };
    spawnIt();
    return m;
  };
  // The API first: it migrates; the workers wait for it.
  const api = manage('api', `${apiUrl}/healthz`);
  await api.ready();
  const workers = manage('workers', `http://127.0.0.1:${healthPort}/healthz`);
  await workers.ready();

  return {
    testDb,
    redis,
    sink,
    apiUrl,
    publicUrl: apiUrl,
    smtpPort,
    api,
    workers,
    workspaceId: ws.workspace.id,
    emailChannelId: ws.channels[0]!.id,
    smsChannelId: ws.channels[1]!.id,
    async login() {
      const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@chaos.test', password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      for (const p of [workers, api]) {
        const cur = p.current();
        // Stopping at the end is not one of the test's kills.
        if (cur.child.exitCode === null) {
          await p.kill();
          p.kills--;
        }
      }
      await redis.kill();
      await sink.close();
      await testDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
