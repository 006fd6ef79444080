// Inbound under fault injection: 2,000 customer messages (half over the real SMTP edge, half as
// signed Twilio webhooks) from 8 concurrent senders that retry what got no answer or a temporary
// refusal, while the workers are SIGKILLed three times at random moments, Redis is stopped for
// 20 s and comes back empty, and the API is SIGKILLed once. Afterwards every message is stored
// exactly once, no inbound event is left behind, and no process died that the test did not kill.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait.ts';
import { INBOX, SMS_NUMBER, startCluster, TWILIO, type Cluster, type ManagedProcess } from './support/cluster.ts';
import { seededRandom, sendAll, smtpSender, twilioSender, type InboundMail } from './support/senders.ts';

const EMAILS = Number(process.env.CHAOS_INBOUND_EMAILS ?? 1000);
const TEXTS = Number(process.env.CHAOS_INBOUND_TEXTS ?? 1000);
const PER_SECOND = Number(process.env.CHAOS_INBOUND_PER_SECOND ?? 16);
/**
 * How long after the last fault (and the last message sent) everything must be stored and
 * processed. Generous for a shared machine; a quiet 2-core machine recovers far sooner (the
 * recovery time is printed).
 */
const RECOVERY_BOUND_MS = Number(process.env.CHAOS_RECOVERY_BOUND_MS ?? 300_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** What a process logged at warn or above, by message, for a failing run's report. */
const logSummary = (logs: Record<string, unknown>[]) => {
  const counts: Record<string, number> = {};
  for (const l of logs) if (typeof l.level === 'number' && l.level >= 40) counts[String(l.msg)] = (counts[String(l.msg)] ?? 0) + 1;
  return counts;
};

describe('inbound under fault injection', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ env: { INGEST_CONCURRENCY: '6' } });
  }, 240_000);
  afterAll(async () => {
    await c?.close();
  }, 60_000);

  it('stores every message exactly once through worker kills, an empty Redis and an API kill', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
    const rnd = seededRandom(seed);
    const mails: InboundMail[] = Array.from({ length: EMAILS }, (_, i) => ({
      messageId: `<chaos-${i}-${randomBytes(4).toString('hex')}@customer.example>`,
      from: `Customer ${i % 50} <customer${i % 50}@customer.example>`,
      subject: `Question ${i}`,
      text: `Message number ${i}.`,
    }));
    const texts = Array.from({ length: TEXTS }, (_, i) => ({
      MessageSid: `SM${randomBytes(16).toString('hex')}`,
      AccountSid: TWILIO.accountSid,
      From: `+1415555${String(2000 + (i % 50))}`,
      To: SMS_NUMBER,
      Body: `Text number ${i}.`,
      NumMedia: '0',
      NumSegments: '1',
      SmsStatus: 'received',
      ApiVersion: '2010-04-01',
    }));
    const smtp = smtpSender({ port: c.smtpPort, to: INBOX });
    const webhook = twilioSender({ apiUrl: c.apiUrl, publicUrl: c.publicUrl, authToken: TWILIO.authToken, path: '/webhooks/twilio/messages' });
    type Item = { mail: InboundMail } | { text: Record<string, string> };
    const items: Item[] = [];
    for (let i = 0; i < Math.max(EMAILS, TEXTS); i++) {
      if (mails[i]) items.push({ mail: mails[i]! });
      if (texts[i]) items.push({ text: texts[i]! });
    }
    const started = Date.now();
    const driving = sendAll(items, (it) => ('mail' in it ? smtp(it.mail) : webhook(it.text)), { concurrency: 8, perSecond: PER_SECOND });

    const faults: { at: number; what: string }[] = [];
    const note = (what: string) => faults.push({ at: Math.round((Date.now() - started) / 100) / 10, what });
    const killAndRestart = async (p: ManagedProcess) => {
      await p.kill();
      note(`${p.kind} SIGKILLed`);
      await sleep(500);
      await p.restart();
      note(`${p.kind} restarted`);
    };
    const chaos = (async () => {
      await sleep(4_000 + rnd() * 6_000);
      await killAndRestart(c.workers);
      await sleep(3_000 + rnd() * 6_000);
      await killAndRestart(c.workers);
      await sleep(2_000 + rnd() * 4_000);
      await c.redis.kill();
      note('redis stopped');
      await sleep(20_000);
      await c.redis.start();
      note('redis restarted empty');
      await sleep(2_000 + rnd() * 4_000);
      await killAndRestart(c.api);
      await sleep(2_000 + rnd() * 5_000);
      await killAndRestart(c.workers);
      return Date.now();
    })();
    const [stats, chaosEnded] = await Promise.all([driving, chaos]);
    const sendingEnded = Date.now();
    expect(stats.permanent).toEqual([]);
    expect(stats.accepted).toBe(items.length);

    const ids = [...mails.map((m) => m.messageId), ...texts.map((t) => t.MessageSid)];
    const db = c.testDb.db;
    const storedCount = async () => db.message.count({ where: { direction: 'in', externalId: { in: ids } } });
    const stuckCount = async () => db.inboundEvent.count({ where: { status: 'received' } });
    await waitUntil(async () => (await storedCount()) === ids.length && (await stuckCount()) === 0, 'every message stored and no event stuck', RECOVERY_BOUND_MS).catch(async (err: unknown) => {
      console.log(JSON.stringify({ stored: await storedCount(), stuck: await stuckCount(), faults, workerLog: logSummary(c.workers.current().logs()), apiLog: logSummary(c.api.current().logs()) }));
      throw err;
    });
    const recoverySeconds = Math.round((Date.now() - Math.max(chaosEnded, sendingEnded)) / 100) / 10;

    const rows = await db.message.groupBy({ by: ['externalId'], where: { direction: 'in', externalId: { in: ids } }, _count: { _all: true } });
    const events = await db.inboundEvent.groupBy({ by: ['externalId'], where: { externalId: { in: ids } }, _count: { _all: true } });
    const storedOnce = rows.filter((r) => r._count._all === 1).length;
    const duplicated = rows.filter((r) => r._count._all > 1).length + events.filter((e) => e._count._all > 1).length;
    const lost = ids.length - rows.length;
    const failedEvents = await db.inboundEvent.count({ where: { status: 'failed' } });
    const figures = {
      suite: 'inbound',
      seed,
      sent: stats.sent,
      accepted: stats.accepted,
      refusedWithRetry: stats.refusedWithRetry,
      noAnswerRetried: stats.noAnswer,
      storedOnce,
      lost,
      duplicated,
      stuck: await stuckCount(),
      failedEvents,
      workerKills: c.workers.kills,
      apiKills: c.api.kills,
      redisOutageSeconds: 20,
      recoverySeconds,
      drivenSeconds: Math.round((sendingEnded - started) / 1000),
      faults,
    };
    console.log(JSON.stringify(figures));
    expect({ storedOnce, lost, duplicated, failedEvents }).toEqual({ storedOnce: ids.length, lost: 0, duplicated: 0, failedEvents: 0 });
    // The senders met the faults: refusals or silences they retried.
    expect(stats.refusedWithRetry + stats.noAnswer).toBeGreaterThan(0);
    expect(c.workers.kills).toBeGreaterThanOrEqual(3);
    expect(c.api.kills).toBe(1);
    // Alive without a restart the test did not make, and no unhandled rejection anywhere.
    expect(c.api.crashes).toEqual([]);
    expect(c.workers.crashes).toEqual([]);
    expect(c.api.current().child.exitCode).toBeNull();
    expect(c.workers.current().child.exitCode).toBeNull();
    expect(c.api.unhandledRejections() + c.workers.unhandledRejections()).toBe(0);
  }, 900_000);
});
