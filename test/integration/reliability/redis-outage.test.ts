// Redis goes away under a running Parley (API, SMTP edge and workers in one real process) and
// comes back empty, as a restarted Redis without persistence does. Nothing may crash, mail taken
// meanwhile is kept, and once Redis is back the periodic sweepers (forgotten with Redis's data)
// are asserted again and bring everything through: the mail into the inbox, the reply to the
// customer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startProcess, type ServerProcess } from '../../support/child-process.ts';
import { createTestDb, type TestDb } from '../../support/db.ts';
import { freePort, ownRedis, type OwnRedis } from '../../support/redis-server.ts';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink.ts';
import { waitUntil } from '../../support/wait.ts';
import { testHashEnv, testPasswords } from '../../support/passwords.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const PASSWORD = 'outage-test-password';
const INBOX = 'help@outage.test';

describe('a Redis outage', () => {
  let redis: OwnRedis;
  let sink: SmtpSink;
  let testDb: TestDb;
  let parley: ServerProcess;
  let dataDir: string;
  let apiUrl: string;
  let smtpPort: number;

  beforeAll(async () => {
    redis = await ownRedis();
    await redis.start();
    sink = await startSmtpSink();
    testDb = await createTestDb();
    dataDir = await mkdtemp(path.join(tmpdir(), 'parley-outage-'));
    await createWorkspace({ db: testDb.db, passwords: testPasswords }, {
      name: 'Outage',
      slug: 'outage',
      agents: [{ email: 'admin@outage.test', name: 'Olga Admin', role: 'admin', password: PASSWORD }],
      channels: [{ kind: 'email', name: 'Help', address: INBOX, settings: { smtp: { host: '127.0.0.1', port: sink.port, secure: false, ignoreTLS: true } } }],
    });
    const [port, smtp] = [await freePort(), await freePort()];
    apiUrl = `http://127.0.0.1:${port}`;
    smtpPort = smtp;
    parley = startProcess(process.execPath, ['--import', 'tsx', 'src/main.ts', 'all'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: testDb.url,
        REDIS_URL: redis.url,
        QUEUE_PREFIX: 'outage',
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        SMTP_INBOUND_HOST: '127.0.0.1',
        SMTP_INBOUND_PORT: String(smtp),
        SEED_DEMO: 'false',
        ...testHashEnv,
        SWEEP_INTERVAL_SECONDS: '2',
        SWEEP_STALE_SECONDS: '1',
        LOG_LEVEL: 'info',
      },
    });
    await waitUntil(async () => {
      if (parley.child.exitCode !== null) throw new Error(`Parley exited with ${parley.child.exitCode}:\n${parley.output()}`);
      return (await fetch(`${apiUrl}/healthz`).catch(() => null))?.ok;
    }, 'Parley to answer /healthz', 90_000);
  }, 120_000);

  afterAll(async () => {
    await parley?.stop();
    await redis?.kill();
    await sink?.close();
    await testDb?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const mail = async (subject: string, text: string) => {
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ from: 'Carla Customer <carla@example.com>', to: INBOX, subject, text });
    transport.close();
    return info.messageId;
  };
  const messageOf = (messageId: string) => waitUntil(() => testDb.db.message.findFirst({ where: { externalId: messageId } }), `the message ${messageId}`, 60_000);
  const alive = () => expect(parley.child.exitCode, parley.output().slice(-3000)).toBeNull();

  it('keeps every process serving while Redis is down, and brings what came meanwhile through once it is back', async () => {
    const login = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@outage.test', password: PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const first = await messageOf(await mail('Order #5', 'Where is my order?'));

    await redis.kill();
    // The API publishes realtime events for a reply and a note; the SMTP edge still takes mail.
    const reply = await fetch(`${apiUrl}/api/conversations/${first.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'It left our warehouse today.' }),
    });
    expect(reply.status).toBe(202);
    // Logging in still works, and guesses are still limited: per node, in memory, with the same limits.
    const attempt = (password: string) => fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@outage.test', password }) });
    expect((await attempt(PASSWORD)).status).toBe(200);
    const guesses: number[] = [];
    for (let i = 0; i < 11; i++) guesses.push((await attempt('a wrong guess')).status);
    expect(guesses).toEqual([...Array(10).fill(401), 429]);
    const { id: replyId } = (await reply.json()) as { id: string };
    const duringOutage = await mail('Order #5 again', 'Also, can I change the address?');
    expect(await testDb.db.inboundEvent.count({ where: { externalId: duringOutage } })).toBe(1);
    // The failed publishes were seen and handled, and the process is still up and answering.
    await waitUntil(async () => parley.logs().some((l) => l.msg === 'realtime event not published (Redis unavailable)'), 'a lost realtime event to be logged');
    expect((await fetch(`${apiUrl}/healthz`)).ok).toBe(true);
    alive();

    await redis.start(); // empty: every queue and job scheduler is gone
    await messageOf(duringOutage);
    const delivered = await sink.waitFor((m) => (m.parsed.text ?? '').includes('It left our warehouse today.'), 60_000);
    expect(delivered.envelope.to).toContain('carla@example.com');
    await waitUntil(async () => (await testDb.db.message.findUniqueOrThrow({ where: { id: replyId } })).deliveryStatus === 'sent', 'the reply marked sent');
    expect(parley.logs().filter((l) => l.msg === 'unhandled rejection; still serving')).toEqual([]);
    alive();
    expect(await parley.stop()).toBe(0);
  }, 180_000);
});
