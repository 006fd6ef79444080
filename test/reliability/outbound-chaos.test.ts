// Outbound under fault injection: 300 replies (10 in each of 30 conversations) through a local SMTP
// sink that counts every delivered Message-ID, with the worker process SIGKILLed during delivery,
// three times right after the sink answered 250 and once at a random moment. At most once after
// the 250: no Message-ID arrives twice; every reply is sent or, where the process died between the
// end of DATA and recording the answer, 'delivery uncertain' (counted, neither sent nor lost).
// Then a sink answering 451 for longer than the old retry budget (8 attempts) still gets every
// reply once it recovers.
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait.ts';
import { INBOX, startCluster, type Cluster } from './support/cluster.ts';
import { seededRandom } from './support/senders.ts';

const CONVERSATIONS = 30;
const REPLIES_EACH = 10;
/** The old policy: 8 attempts, then failed for good. */
const OLD_ATTEMPTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('outbound under fault injection', () => {
  let c: Cluster;
  let token: string;
  const conversations: string[] = [];

  beforeAll(async () => {
    c = await startCluster({ env: { DELIVER_CONCURRENCY: '4', DELIVER_RETRY_BASE_MS: '250', DELIVER_RETRY_MAX_MS: '2000' } });
    token = await c.login();
    for (let i = 0; i < CONVERSATIONS + 20; i++) {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: c.smtpPort, secure: false, ignoreTLS: true });
      const info = await transport.sendMail({ from: `Buyer ${i} <buyer${i}@customer.example>`, to: INBOX, subject: `Order ${i}`, text: 'Where is it?' });
      transport.close();
      const m = await waitUntil(() => c.testDb.db.message.findFirst({ where: { externalId: info.messageId } }), `inbound ${i}`, 60_000);
      conversations.push(m.conversationId);
    }
  }, 240_000);
  afterAll(async () => {
    await c?.close();
  }, 60_000);

  /** POSTs a reply, again with the same key on no answer (the API is never killed here, but a busy machine may time out). */
  const reply = async (conversationId: string, text: string): Promise<string> => {
    const clientKey = randomUUID();
    for (;;) {
      const res = await fetch(`${c.apiUrl}/api/conversations/${conversationId}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text, clientKey }),
        signal: AbortSignal.timeout(15_000),
      }).catch(() => null);
      if (res && (res.status === 202 || res.status === 200)) return ((await res.json()) as { id: string }).id;
      if (res && res.status < 500) throw new Error(`reply refused: ${res.status} ${await res.text()}`);
      await sleep(500);
    }
  };
  const copiesById = () => {
    const n = new Map<string, number>();
    for (const m of c.sink.messages) if (m.parsed.messageId) n.set(m.parsed.messageId, (n.get(m.parsed.messageId) ?? 0) + 1);
    return n;
  };

  it('delivers 300 replies with workers killed mid-delivery: none twice, none lost, in order', async () => {
    const seed = Number(process.env.CHAOS_SEED ?? Date.now() % 1_000_000);
    const rnd = seededRandom(seed);
    const total = CONVERSATIONS * REPLIES_EACH;
    // Kill right after the sink's 250 at these delivery counts (spread over the run), and once at a random moment.
    const killAfter = new Set([Math.floor(total * 0.15), Math.floor(total * 0.45), Math.floor(total * 0.75)]);
    let killing: Promise<void> = Promise.resolve();
    const faults: string[] = [];
    const killWorkers = (why: string) => {
      killing = killing.then(async () => {
        await c.workers.kill();
        faults.push(`${why} (delivered so far: ${c.sink.messages.length})`);
        await sleep(500);
        await c.workers.restart();
      });
    };
    c.sink.afterAccept(() => {
      if (killAfter.delete(c.sink.messages.length)) killWorkers('SIGKILL right after a 250');
    });
    const started = Date.now();
    const randomKill = (async () => {
      await sleep(8_000 + rnd() * 15_000);
      killWorkers('SIGKILL at a random moment');
    })();

    // Six agents write the replies, each conversation's in order.
    const written: { id: string; conversationId: string; n: number }[] = [];
    let next = 0;
    const agent = async () => {
      for (;;) {
        const i = next++;
        if (i >= CONVERSATIONS) return;
        for (let n = 0; n < REPLIES_EACH; n++) {
          const conversationId = conversations[i]!;
          written.push({ id: await reply(conversationId, `Reply ${n} in conversation ${i}.`), conversationId, n });
          await sleep(100);
        }
      }
    };
    await Promise.all(Array.from({ length: 6 }, agent));
    await randomKill;
    const db = c.testDb.db;
    const ids = written.map((w) => w.id);
    const settled = async () => db.message.count({ where: { id: { in: ids }, deliveryStatus: { in: ['sent', 'uncertain', 'failed'] } } });
    await waitUntil(async () => (await settled()) === ids.length && killAfter.size === 0, 'every reply settled', 240_000).catch(async (err: unknown) => {
      console.log(JSON.stringify({ settled: await settled(), killsLeft: [...killAfter], faults }));
      throw err;
    });
    await killing;
    c.sink.afterAccept(null);
    const recoverySeconds = Math.round((Date.now() - started) / 1000);

    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { id: true, externalId: true, deliveryStatus: true, conversationId: true } });
    const copies = copiesById();
    const sent = rows.filter((r) => r.deliveryStatus === 'sent');
    const uncertain = rows.filter((r) => r.deliveryStatus === 'uncertain');
    const duplicated = rows.filter((r) => (copies.get(r.externalId!) ?? 0) > 1).length;
    const lost = sent.filter((r) => (copies.get(r.externalId!) ?? 0) === 0).length + rows.filter((r) => r.deliveryStatus === 'failed').length + (ids.length - rows.length);
    const uncertainArrived = uncertain.filter((r) => (copies.get(r.externalId!) ?? 0) === 1).length;
    // In order: within each conversation, the sink received its replies in the order they were written.
    const byText = new Map(written.map((w) => [w.id, w]));
    const arrival = new Map<string, number[]>();
    const idByExternal = new Map(rows.map((r) => [r.externalId!, r.id]));
    for (const m of c.sink.messages) {
      const w = byText.get(idByExternal.get(m.parsed.messageId ?? '') ?? '');
      if (w) arrival.set(w.conversationId, [...(arrival.get(w.conversationId) ?? []), w.n]);
    }
    const outOfOrder = [...arrival.values()].filter((ns) => ns.some((n, k) => k > 0 && n < ns[k - 1]!)).length;
    const figures = { suite: 'outbound', seed, replies: ids.length, sent: sent.length, delivered: copies.size, duplicated, lost, uncertain: uncertain.length, uncertainThatArrived: uncertainArrived, outOfOrderConversations: outOfOrder, workerKills: c.workers.kills, recoverySeconds, faults };
    console.log(JSON.stringify(figures));
    expect({ duplicated, lost, outOfOrder }).toEqual({ duplicated: 0, lost: 0, outOfOrder: 0 });
    expect(sent.length + uncertain.length).toBe(total);
    expect(c.workers.kills).toBeGreaterThanOrEqual(4);
    expect(c.workers.crashes).toEqual([]);
    expect(c.api.crashes).toEqual([]);
    expect(c.workers.unhandledRejections() + c.api.unhandledRejections()).toBe(0);
  }, 480_000);

  it('a sink answering 451 for longer than the old budget still gets every reply once it recovers', async () => {
    const before = c.sink.messages.length;
    const refusedBefore = c.sink.refused;
    c.sink.refuseAll(451);
    const fresh = conversations.slice(CONVERSATIONS, CONVERSATIONS + 20);
    const ids: string[] = [];
    for (const [i, conversationId] of fresh.entries()) ids.push(await reply(conversationId, `During the outage, reply ${i}.`));
    const db = c.testDb.db;
    const started = Date.now();
    // Every reply refused more often than the old policy allowed before it gave up for good.
    await waitUntil(async () => (await db.message.count({ where: { id: { in: ids }, deliveryAttempts: { gt: OLD_ATTEMPTS + 1 } } })) === ids.length, `every reply refused more than ${OLD_ATTEMPTS + 1} times`, 120_000);
    expect(await db.message.count({ where: { id: { in: ids }, deliveryStatus: 'failed' } })).toBe(0);
    const outageSeconds = Math.round((Date.now() - started) / 1000);
    c.sink.refuseAll(null);
    const recovered = Date.now();
    await waitUntil(async () => (await db.message.count({ where: { id: { in: ids }, deliveryStatus: 'sent' } })) === ids.length, 'every reply sent after the outage', 60_000);
    const rows = await db.message.findMany({ where: { id: { in: ids } }, select: { externalId: true, deliveryAttempts: true } });
    const copies = copiesById();
    const figures = {
      suite: 'outbound-451',
      replies: ids.length,
      outageSeconds,
      refused: c.sink.refused - refusedBefore,
      minAttempts: Math.min(...rows.map((r) => r.deliveryAttempts)),
      delivered: c.sink.messages.length - before,
      duplicated: rows.filter((r) => (copies.get(r.externalId!) ?? 0) > 1).length,
      lost: rows.filter((r) => (copies.get(r.externalId!) ?? 0) === 0).length,
      recoverySeconds: Math.round((Date.now() - recovered) / 100) / 10,
    };
    console.log(JSON.stringify(figures));
    expect(figures).toMatchObject({ delivered: ids.length, duplicated: 0, lost: 0 });
  }, 240_000);
});
