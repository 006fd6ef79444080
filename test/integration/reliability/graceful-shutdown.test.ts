// SIGTERM stops every process kind gracefully within SHUTDOWN_TIMEOUT_MS: the API's SMTP edge
// refuses new connections at once but lets an open session finish its message (accepted and
// stored), tells a session that stays quiet 421 instead of waiting on it (smtp-server's own
// default is 30 s), then the process exits 0 inside the bound; the worker process drains and exits too.
import { testPasswords } from '../../support/passwords.ts';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startProcess, type ServerProcess } from '../../support/child-process.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { freePort, ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { waitUntil } from '../../support/wait.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const INBOX = 'help@shutdown.test';
const SHUTDOWN_TIMEOUT_MS = 8_000;

/** A hand-driven SMTP client: each command waits for the server's reply line(s). */
async function smtpSession(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  socket.on('data', (d: Buffer) => {
    buffer += d.toString();
    let i: number;
    while ((i = buffer.indexOf('\r\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 2);
      // Multi-line replies (250-...) end with the line whose code is followed by a space.
      if (/^\d{3} /.test(line)) waiters.shift()?.(line);
    }
  });
  const reply = () => new Promise<string>((resolve) => waiters.push(resolve));
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  await reply(); // 220 banner
  return {
    command: (line: string) => {
      const r = reply();
      socket.write(`${line}\r\n`);
      return r;
    },
    write: (text: string) => socket.write(text),
    reply,
    close: () => socket.destroy(),
  };
}

describe('graceful shutdown', () => {
  let testDb: TestDb;
  let redis: OwnRedis;
  let dataDir: string;
  let api: ServerProcess;
  let workers: ServerProcess;
  let smtpPort: number;

  beforeAll(async () => {
    testDb = await createTestDb();
    redis = await ownRedis();
    await redis.start();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-shutdown-'));
    await createWorkspace({ db: testDb.db, passwords: testPasswords }, { name: 'Shutdown', slug: 'shutdown', agents: [], channels: [{ kind: 'email', name: 'Help', address: INBOX, settings: { smtp: { host: '127.0.0.1', port: 1, secure: false, ignoreTLS: true } } }] });
    const [port, smtp, health] = [await freePort(), await freePort(), await freePort()];
    smtpPort = smtp;
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: testDb.url,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'shutdown',
      DATA_DIR: dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      HEALTH_PORT: String(health),
      SMTP_INBOUND_HOST: '127.0.0.1',
      SMTP_INBOUND_PORT: String(smtp),
      SEED_DEMO: 'false',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      LOG_LEVEL: 'info',
    };
    api = startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'api'], { cwd: root, env });
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok, 'the API to be ready', 120_000);
    workers = startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'workers'], { cwd: root, env });
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${health}/readyz`).catch(() => null))?.ok, 'the workers to be ready', 120_000);
  }, 240_000);
  afterAll(async () => {
    await api?.stop(1_000);
    await workers?.stop(1_000);
    await redis?.kill();
    await testDb?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM during an SMTP session: the message is accepted and stored, new connections are refused, the API exits within the bound', async () => {
    const session = await smtpSession(smtpPort);
    expect(await session.command('EHLO customer.example')).toMatch(/^250 /);
    expect(await session.command('MAIL FROM:<dora@customer.example>')).toMatch(/^250 /);
    expect(await session.command(`RCPT TO:<${INBOX}>`)).toMatch(/^250 /);
    expect(await session.command('DATA')).toMatch(/^354 /);
    // A second sender that connected and then went quiet: it must not hold the shutdown past the bound.
    const idle = await smtpSession(smtpPort);
    expect(await idle.command('EHLO slow.example')).toMatch(/^250 /);
    const told = idle.reply();
    session.write('Message-ID: <in-flight-1@customer.example>\r\nFrom: Dora <dora@customer.example>\r\nTo: help@shutdown.test\r\nSubject: Sent while you restart\r\n\r\nThe first half of my message');

    const signalled = Date.now();
    const exited = api.exited.then((code) => ({ code, ms: Date.now() - signalled }));
    api.child.kill('SIGTERM');
    await waitUntil(async () => api.logs().some((l) => l.msg === 'shutting down'), 'the API to begin shutting down', 5_000);
    // A new sender is turned away (its mail server will retry elsewhere or later).
    const refused = await new Promise<string>((resolve) => {
      const s = net.connect(smtpPort, '127.0.0.1');
      s.once('connect', () => (s.destroy(), resolve('connected')));
      s.once('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    });
    expect(refused).toBe('ECONNREFUSED');

    // The open session finishes its message: 250 means it is stored.
    session.write(' and the second half.\r\n.\r\n');
    expect(await session.reply()).toMatch(/^250 /);
    await session.command('QUIT').catch(() => undefined);
    session.close();
    const stored = await testDb.db.inboundEvent.findFirst({ where: { externalId: '<in-flight-1@customer.example>' } });
    expect(stored).not.toBeNull();

    // The quiet one is told the server is going away (421) before the bound.
    expect(await told).toMatch(/^421 /);
    idle.close();
    const { code, ms } = await exited;
    expect(code).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(api.logs().some((l) => l.msg === 'shut down')).toBe(true);
  });

  it('SIGTERM on the worker process drains and exits 0 within the bound', async () => {
    const signalled = Date.now();
    workers.child.kill('SIGTERM');
    const code = await workers.exited;
    const ms = Date.now() - signalled;
    console.log(JSON.stringify({ workersShutdownMs: ms }));
    expect(code).toBe(0);
    expect(ms).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
  });
});
