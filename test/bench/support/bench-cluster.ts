// Parley as it runs in production, for the benchmark: the API (with the SMTP edge) and the workers
// as separate child processes (`node --import tsx src/main.ts api|workers`), like the reliability
// suite's cluster, against a Redis server of the run's own (nothing shared with other suites on the
// machine), a fresh database and one workspace with an admin, a supervisor, an agent and an SMS
// channel whose webhooks are signed as Twilio signs them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../../src/db/client.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startProcess, type ServerProcess } from '../../support/child-process.ts';
import { testHashEnv, testPasswords } from '../../support/passwords.ts';
import { freePort, ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { waitUntil } from '../../support/wait.ts';
import { createBenchDb, type BenchDb } from './bench-db.ts';

const root = path.resolve(import.meta.dirname, '../../..');
export const PASSWORD = 'bench-password-1';
export const SMS_NUMBER = '+14155550100';
export const TWILIO = { accountSid: 'AC6f2b1e1a9c0d4f5e8a7b6c5d4e3f2a1b', authToken: '12345678901234567890123456789012' };
export const QUEUE_PREFIX = 'bench';
export const people = { admin: 'admin@bench.test', supervisor: 'sue@bench.test', agent: 'ada@bench.test' } as const;

export interface BenchCluster {
  benchDb: BenchDb;
  db: Db;
  redis: OwnRedis;
  apiUrl: string;
  api: ServerProcess;
  workers: ServerProcess;
  workspaceId: string;
  smsChannelId: string;
  teamId: string;
  agentIds: Record<keyof typeof people, string>;
  login(email: string): Promise<string>;
  close(): Promise<void>;
}

export async function startBenchCluster(opts: { workerNodeFlags?: string[]; apiNodeFlags?: string[] } = {}): Promise<BenchCluster> {
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
    channels: [{ kind: 'sms', name: 'SMS', address: SMS_NUMBER, settings: TWILIO }],
  });
  const [port, smtpPort, healthPort] = [await freePort(), await freePort(), await freePort()];
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
    HEALTH_PORT: String(healthPort),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    ...testHashEnv,
  };
  const start = (kind: 'api' | 'workers', flags: string[]) => startProcess(process.execPath, [...flags, '--import', 'tsx', 'src/main.ts', kind], { cwd: root, env });
  const ready = (p: ServerProcess, url: string) =>
    waitUntil(async () => {
      if (p.child.exitCode !== null) throw new Error(`exited with ${p.child.exitCode}:\n${p.output().slice(-3000)}`);
      return (await fetch(url, { signal: AbortSignal.timeout(2_000) }).catch(() => null))?.ok;
    }, `${url} to answer`, 120_000);
  // The API first: it migrates; the workers wait for it.
  const api = start('api', opts.apiNodeFlags ?? []);
  await ready(api, `${apiUrl}/healthz`);
  const workers = start('workers', opts.workerNodeFlags ?? []);
  await ready(workers, `http://127.0.0.1:${healthPort}/healthz`);
  const idOf = (email: string) => ws.agents.find((a) => a.email === email)!.id;
  return {
    benchDb,
    db,
    redis,
    apiUrl,
    api,
    workers,
    workspaceId: ws.workspace.id,
    smsChannelId: ws.channels[0]!.id,
    teamId: (await db.team.findFirstOrThrow({ where: { workspaceId: ws.workspace.id, name: 'Support' } })).id,
    agentIds: { admin: idOf(people.admin), supervisor: idOf(people.supervisor), agent: idOf(people.agent) },
    async login(email) {
      const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { token: string }).token;
    },
    async close() {
      // SIGTERM first: the workers' CPU profile is written on a clean exit.
      await workers.stop(30_000);
      await api.stop(15_000);
      await db.$disconnect();
      await redis.kill();
      await benchDb.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Peak resident set (VmHWM) of a process so far, in MB, from /proc; NaN where /proc is not there. */
export async function peakRssMb(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}
