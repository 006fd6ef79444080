// Customer messages ingested at the same moment are recorded in shared transactions
// (src/domain/inbound/batch-customer-messages.ts): each is stored exactly once, two quick messages
// from one contact never open two conversations, and a message that cannot be stored fails alone.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../../src/db/client.ts';
import { MAX_IN_FLIGHT } from '../../../src/domain/inbound/batch-customer-messages.ts';
import { processInboundEvent } from '../../../src/domain/inbound/process-inbound-event.ts';
import { countStatements, statementHistogram, uncounted } from '../../support/count-statements.ts';
import { sid } from '../../support/fake-twilio.ts';
import { startTwilioHarness, type TwilioHarness } from '../../support/twilio-harness.ts';

const SMS_NUMBER = '+14155550100';

describe('customer messages ingested together', () => {
  let t: TwilioHarness;
  beforeAll(async () => {
    t = await startTwilioHarness({ channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Stored as the edge stores it, but not queued: the test runs the worker's domain call itself. */
  const storeSms = async (from: string, body: string, messageSid = sid('SM')) => {
    const { db } = t.h.rt.deps;
    const channel = await db.channel.findFirstOrThrow({ where: { kind: 'sms' } });
    const params = { MessageSid: messageSid, AccountSid: t.fake.accountSid, From: from, To: SMS_NUMBER, Body: body, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    const event = await db.inboundEvent.create({
      data: { workspaceId: channel.workspaceId, channelId: channel.id, externalId: sid('EV'), raw: new Uint8Array(Buffer.from(new URLSearchParams(params).toString())), payload: params },
    });
    return event.id;
  };

  it('stores 40 messages from 8 contacts exactly once, one conversation per contact, some of them sharing a transaction', async () => {
    const senders = Array.from({ length: 8 }, (_, i) => `+1415555${String(2100 + i)}`);
    const ids: string[] = [];
    for (let round = 0; round < 5; round++) for (const from of senders) ids.push(await storeSms(from, `message ${round} from ${from}`));
    const { result, statements } = await countStatements(() => Promise.all(ids.map((id) => processInboundEvent(t.h.rt.deps, id))));
    expect(result.every((o) => o.status === 'processed')).toBe(true);
    const { db } = t.h.rt.deps;
    const events = await db.inboundEvent.findMany({ where: { id: { in: ids } } });
    expect(events.every((e) => e.status === 'processed' && e.messageId !== null)).toBe(true);
    expect(new Set(events.map((e) => e.messageId)).size).toBe(40);
    for (const from of senders) {
      const conversations = await db.conversation.findMany({ where: { contact: { identities: { some: { address: from } } } }, include: { _count: { select: { messages: true } } } });
      expect(conversations).toHaveLength(1);
      expect(conversations[0]!.messageCount).toBe(5);
      expect(conversations[0]!._count.messages).toBe(5);
    }
    // A batch takes its locks in one statement of its own: some messages shared a transaction.
    const batches = statements.filter((s) => s.includes('FROM unnest($1::text[]) AS k')).length;
    console.log(`40 messages: ${batches} batches of several, ${statements.length} statements`);
    if (process.env.SHOW_STATEMENTS) console.log(statementHistogram(statements));
    expect(batches).toBeGreaterThan(0);
    // The jobs started together claim their events in one statement, and the new senders' contacts
    // are created once, together (create-proven-contacts.ts): the other first messages of a sender
    // wait for it instead of failing on the unique index (that would be a ROLLBACK below).
    expect(statements.filter((s) => s.includes('UPDATE "InboundEvent" e SET "attempts"'))).toHaveLength(1);
    expect(statements.filter((s) => s.includes('INSERT INTO "ContactIdentity" (id'))).toHaveLength(1);
    expect(await db.contactIdentity.count({ where: { address: { in: senders } } })).toBe(senders.length);
    expect(statements.filter((s) => s === 'ROLLBACK')).toHaveLength(0);
  });

  it('a message that cannot be stored fails alone; the others of its batch are stored once', async () => {
    const { db } = t.h.rt.deps;
    const senders = Array.from({ length: 6 }, (_, i) => `+1415555${String(2200 + i)}`);
    // The first MAX_IN_FLIGHT senders' conversations exist, and their locks are held by the test: each
    // one's next message occupies one of the process's batch slots, waiting, so the messages that come
    // after queue behind them and go together as the next batch, the poison among them.
    const held = senders.slice(0, MAX_IN_FLIGHT);
    const blockers: pg.PoolClient[] = [];
    for (const from of held) {
      const first = await processInboundEvent(t.h.rt.deps, await storeSms(from, 'hello'));
      if (first.status !== 'processed') throw new Error('the first message was not recorded');
      const conversation = await db.conversation.findUniqueOrThrow({ where: { id: first.conversationId } });
      const blocker = await poolOf(db).connect();
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_advisory_xact_lock(hashtext($1))', [conversation.contactId + conversation.channelId]);
      blockers.push(blocker);
    }
    const waiting = async (n: number) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await blockers[0]!.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted");
        if (rows[0]!.n >= n) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`${n} messages never waited for the held locks`);
    };
    const ids: string[] = [];
    for (const from of senders) ids.push(await storeSms(from, 'hello again'));
    // A provider id too long for the message's unique index: Postgres refuses the row.
    const poison = await storeSms(senders[MAX_IN_FLIGHT + 1]!, 'poison', `SM${randomBytes(12_000).toString('hex')}`);
    ids.push(poison);
    const { result, statements } = await countStatements(async () => {
      const started: Promise<unknown>[] = [];
      // One at a time, so each held sender's message is a batch of its own, filling the slots.
      for (const [i, id] of ids.slice(0, held.length).entries()) {
        started.push(processInboundEvent(t.h.rt.deps, id));
        await uncounted(() => waiting(i + 1));
      }
      for (const id of ids.slice(held.length)) started.push(processInboundEvent(t.h.rt.deps, id));
      const settled = Promise.allSettled(started);
      await uncounted(async () => {
        await new Promise((r) => setTimeout(r, 500));
        for (const blocker of blockers) {
          await blocker.query('ROLLBACK');
          blocker.release();
        }
      });
      return settled;
    });
    expect(result.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const batched = statements.findIndex((s) => s.includes('FROM unnest($1::text[]) AS k'));
    expect(batched).toBeGreaterThan(-1);
    expect(statements.slice(batched)).toContain('ROLLBACK');
    const events = await db.inboundEvent.findMany({ where: { id: { in: ids } } });
    // Not lost: still waiting for the queue's retry (and, after the last attempt, marked failed by the worker).
    expect(events.find((e) => e.id === poison)!.status).toBe('received');
    const others = events.filter((e) => e.id !== poison);
    expect(others.every((e) => e.status === 'processed' && e.messageId !== null)).toBe(true);
    expect(await db.message.count({ where: { id: { in: others.map((e) => e.messageId!) } } })).toBe(6);
    for (const [i, from] of senders.entries()) {
      const conversations = await db.conversation.findMany({ where: { contact: { identities: { some: { address: from } } } } });
      expect(conversations).toHaveLength(1);
      expect(conversations[0]!.messageCount).toBe(i < held.length ? 2 : 1);
    }
  });

  it("writes the first messages of a batch's senders together: new conversations numbered in turn, existing ones appended once each", async () => {
    const { db } = t.h.rt.deps;
    const known = Array.from({ length: 6 }, (_, i) => `+1415555${String(2300 + i)}`);
    const fresh = Array.from({ length: 6 }, (_, i) => `+1415555${String(2400 + i)}`);
    for (const from of known) await processInboundEvent(t.h.rt.deps, await storeSms(from, 'hello'));
    const ids: string[] = [];
    for (let i = 0; i < known.length; i++) ids.push(await storeSms(known[i]!, 'still there?'), await storeSms(fresh[i]!, 'first time'));
    const { result, statements } = await countStatements(() => Promise.all(ids.map((id) => processInboundEvent(t.h.rt.deps, id))));
    expect(result.every((o) => o.status === 'processed')).toBe(true);
    // One statement writes several messages: fewer writes than messages.
    const writes = statements.filter((s) => s.includes('jsonb_to_recordset($1::jsonb) AS r(n int'));
    // No batch failed and fell back to one message at a time.
    expect(statements.filter((s) => s === 'ROLLBACK')).toHaveLength(0);
    expect(writes.length).toBeLessThan(ids.length);
    for (const from of known) {
      const [conversation, ...more] = await db.conversation.findMany({ where: { contact: { identities: { some: { address: from } } } }, include: { messages: { orderBy: { createdAt: 'asc' } } } });
      expect(more).toHaveLength(0);
      expect(conversation!.messageCount).toBe(2);
      expect(conversation!.messages.map((m) => m.text)).toEqual(['hello', 'still there?']);
    }
    const created = await db.conversation.findMany({ where: { contact: { identities: { some: { address: { in: fresh } } } } }, include: { messages: true } });
    expect(created).toHaveLength(fresh.length);
    expect(created.every((c) => c.messageCount === 1 && c.messages.length === 1 && c.messages[0]!.text === 'first time')).toBe(true);
    // Numbered from the workspace's sequence with no gap or repeat, the sequence left at the highest.
    const all = await db.conversation.findMany({ where: { workspaceId: created[0]!.workspaceId }, select: { number: true }, orderBy: { number: 'asc' } });
    expect(all.map((c) => c.number)).toEqual(all.map((_, i) => i + 1));
    const workspace = await db.workspace.findUniqueOrThrow({ where: { id: created[0]!.workspaceId } });
    expect(workspace.conversationSeq).toBe(all.length);
  });
});
