// Parley as it runs in production, for the benchmark: the API (with the SMTP edge) and one or more
// worker processes as separate child processes (`node dist/src/main.js api|workers` by default,
// `node --import tsx src/main.ts ...` in tsx mode: see process-mode.ts), against a Redis server of
// the run's own (nothing shared with other suites on the machine), a fresh database and one
// workspace with an admin, a supervisor, an agent, an SMS channel whose webhooks are signed as
// Twilio signs them and an email channel the SMTP edge receives for.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../../src/db/client.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startProcess, type ServerProcess } from '../../support/child-process.ts';
import { testHashEnv, testPasswords } from '../../support/passwords.ts';
import { freePort, ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { waitUntil } from '../../support/wait.ts';
import { createBenchDb, type BenchDb } from './bench-db.ts';
import { nodeArgsFor, type ProcessMode } from './process-mode.ts';

const root = path.resolve(import.meta.dirname, '../../..');
export const PASSWORD = 'bench-password-1';
export const SMS_NUMBER = '+14155550100';
export const INBOX = 'help@bench.test';
export const TWILIO = { accountSid: 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b', authToken: '12345678901234567890123456789012' };
export const QUEUE_PREFIX = 'bench';
export const people = { admin: 'admin@bench.test', supervisor: 'sue@bench.test', agent: 'ada@bench.test' } as const;

export interface BenchCluster {
  benchDb: BenchDb;
  db: Db;
  redis: OwnRedis;
  apiUrl: string;
  api: ServerProcess;
  /** The first worker process (of `workerProcesses`). */
  workers: ServerProcess;
  workerProcesses: ServerProcess[];
  /** Each worker process's Prometheus endpoint (its health port), for sampling memory during a scenario. */
  workerMetricsUrls: string[];
  /** Every API node, the first (`api`, `apiUrl`) included; each with its own port, PUBLIC_URL and SMTP edge. */
  apiNodes: { url: string; process: ServerProcess; smtpPort: number }[];
  /** The API's SMTP edge (SMTP_INBOUND_PORT). */
  smtpPort: number;
  mode: ProcessMode;
  workspaceId: string;
  smsChannelId: string;
  emailChannelId: string;
  teamId: string;
  agentIds: Record<keyof typeof people, string>;
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

/** What every cluster of this run starts with unless a scenario says otherwise (the runner sets it from the command line). */
export const clusterDefaults: { mode: ProcessMode } = { mode: 'production' };

export async function startBenchCluster(
  opts: { apiNodeFlags?: string[]; workerNodeFlags?: string[]; workerCount?: number; apiCount?: number; mode?: ProcessMode; env?: NodeJS.ProcessEnv } = {},
): Promise<BenchCluster> {
  const mode = opts.mode ?? clusterDefaults.mode;
  const redis = await ownRedis();
  await redis.start();
  const benchDb = await createBenchDb();
  const db = createDb(benchDb.url, { max: 4 });
  const dataDir = await mkdtemp(path.join(tmpdir(), 'parley-bench-'));
  const ws = await createWorkspace({ db, passwords: testPasswords }, {
    name: 'Bench',
    slug: 'bench',
    teams: ['Support'],
    agents: [
      { email: people.admin, name: 'Alma Admin', role: 'admin', password: PASSWORD },
      { email: people.supervisor, name: 'Sue Supervisor', role: 'supervisor', password: PASSWORD, teams: ['Support'] },
      { email: people.agent, name: 'Ada Agent', role: 'agent', password: PASSWORD, teams: ['Support'] },
    ],
    // The email channel only receives here; its outbound SMTP points at a closed port.
    channels: [
      { kind: 'sms', name: 'SMS', address: SMS_NUMBER, settings: TWILIO },
      { kind: 'email', name: 'Help', address: INBOX, settings: { smtp: { host: '127.0.0.1', port: 9, secure: false, ignoreTLS: true } } },
    ],
  });
  const [port, smtpPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATABASE_URL: benchDb.url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX,
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: apiUrl,
    SMTP_INBOUND_HOST: '127.0.0.1',
    SMTP_INBOUND_PORT: String(smtpPort),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...testHashEnv,
    ...opts.env,
  };
  const start = (kind: 'api' | 'workers', flags: string[], extra: NodeJS.ProcessEnv = {}) => startProcess(process.execPath, nodeArgsFor(mode, kind, flags), { cwd: root, env: { ...env, ...extra } });
  const ready = (p: ServerProcess, url: string) =>
    waitUntil(async () => {
      if (p.child.exitCode !== null) throw new Error(`exited with ${p.child.exitCode}:\n${p.output().slice(-3000)}`);
      return (await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => null))?.ok;
    }, `${url} to answer`, 120_000);
  // The API first: it migrates; the workers wait for it.
  const api = start('api', opts.apiNodeFlags ?? []);
  await ready(api, `${apiUrl}/healthz`);
  const apiNodes = [{ url: apiUrl, process: api, smtpPort }];
  for (let i = 1; i < (opts.apiCount ?? 1); i++) {
    const [nodePort, nodeSmtp] = [await freePort(), await freePort()];
    const url = `http://127.0.0.1:${nodePort}`;
    const node = start('api', opts.apiNodeFlags ?? [], { PORT: String(nodePort), PUBLIC_URL: url, SMTP_INBOUND_PORT: String(nodeSmtp) });
    apiNodes.push({ url, process: node, smtpPort: nodeSmtp });
    await ready(node, `${url}/healthz`);
  }
  // Each worker process answers its own health port; they share the queues as separate hosts would.
  const workerProcesses: ServerProcess[] = [];
  const workerMetricsUrls: string[] = [];
  for (let i = 0; i < (opts.workerCount ?? 1); i++) {
    const healthPort = await freePort();
    const workers = start('workers', opts.workerNodeFlags ?? [], { HEALTH_PORT: String(healthPort) });
    workerProcesses.push(workers);
    workerMetricsUrls.push(`http://127.0.0.1:${healthPort}/metrics`);
    await ready(workers, `http://127.0.0.1:${healthPort}/healthz`);
  }
  const idOf = (email: string) => ws.agents.find((a) => a.email === email)!.id;
  return {
    benchDb,
    db,
    redis,
    apiUrl,
    api,
    workers: workerProcesses[0]!,
    workerProcesses,
    workerMetricsUrls,
    apiNodes,
    smtpPort,
    mode,
    workspaceId: ws.workspace.id,
    smsChannelId: ws.channels.find((ch) => ch.kind === 'sms')!.id,
    emailChannelId: ws.channels.find((ch) => ch.kind === 'email')!.id,
    teamId: (await db.team.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, name: 'Support' } })).id,
    agentIds: { admin: idOf(people.admin), supervisor: idOf(people.supervisor), agent: idOf(people.agent) },
    async login(email) {
      const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      // SIGTERM first: the workers' CPU profile is written on a clean exit.
      await Promise.all(workerProcesses.map((w) => w.stop(30_000)));
      await Promise.all(apiNodes.map((n) => n.process.stop(15_000)));
      await db.$disconnect();
      await redis.kill();
      await benchDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Peak resident set (VmHWM) of a process so far, in MB, from /proc; NaN where /proc is not there. */
export async function peakRssMb(pid: number | undefined): Promise<number> {
  return procStatusMb(pid, 'VmHWM');
}

/** Resident set (VmRSS) of a process now, in MB; NaN where /proc is not there. */
export async function currentRssMb(pid: number | undefined): Promise<number> {
  return procStatusMb(pid, 'VmRSS');
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc; NaN where /proc is not there. */
export async function cpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100/s on Linux).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return stat ? ticks / 100 : Number.NaN;
}

/** The largest of several processes' figures (several workers: the one that needs the most decides). */
export async function maxOver(processes: readonly ServerProcess[], read: (pid: number | undefined) => Promise<number>): Promise<number> {
  const values = await Promise.all(processes.map((p) => read(p.child.pid)));
  return values.length > 0 && values.every(Number.isFinite) ? Math.max(...values) : Number.NaN;
}

async function procStatusMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}
