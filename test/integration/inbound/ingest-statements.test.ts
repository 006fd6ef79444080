// How many SQL statements (round trips to Postgres, BEGIN and COMMIT included) ingesting one
// customer SMS costs: the figure the ingest worker's throughput is bound by (docs/performance/ingest-worker.md).
// The ceilings fail the test when a change adds statements back to the hot path (before this
// work: 39 for a new sender, 32 for a message to an existing conversation; then 27 / 19).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundEvent } from '../../../src/domain/inbound/process-inbound-event.ts';
import { countStatements } from '../../support/count-statements.ts';
import { sid } from '../../support/fake-twilio.ts';
import { startTwilioHarness, type TwilioHarness } from '../../support/twilio-harness.ts';

const SMS_NUMBER = '+14155550100';


describe('statements per ingested customer message', () => {
  let t: TwilioHarness;
  beforeAll(async () => {
    t = await startTwilioHarness({ channels: (settings) => [{ kind: 'sms', name: 'Acme SMS', address: SMS_NUMBER, settings }] });
  });
  afterAll(async () => {
    await t?.close();
  });

  const storeSms = async (from: string, body: string) => {
    const { db } = t.h.rt.deps;
    const channel = await db.channel.findFirstOrThrow({ where: { kind: 'sms' } });
    const params = { MessageSid: sid('SM'), AccountSid: t.fake.accountSid, From: from, To: SMS_NUMBER, Body: body, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    // Stored as the edge stores it, but not queued: the test runs the worker's one domain call itself.
    const event = await db.inboundEvent.create({
      data: { workspaceId: channel.workspaceId, channelId: channel.id, externalId: params.MessageSid, raw: new Uint8Array(Buffer.from(new URLSearchParams(params).toString())), payload: params },
    });
    return event.id;
  };

  it('opens a conversation for a new sender and appends the next message within the ceilings', async () => {
    const from = '+14155550177';
    const first = await storeSms(from, 'hello, my order is late');
    const opened = await countStatements(() => processInboundEvent(t.h.rt.deps, first));
    expect(opened.result).toMatchObject({ status: 'processed', conversationCreated: true });
    const second = await storeSms(from, 'any news?');
    const appended = await countStatements(() => processInboundEvent(t.h.rt.deps, second));
    expect(appended.result).toMatchObject({ status: 'processed', conversationCreated: false });
    if (process.env.SHOW_STATEMENTS) console.log(appended.statements.map((s) => s.replace(/\s+/g, " ").slice(0, 160)).join("\n"));
    console.log(`statements: new sender ${opened.statements.length}, existing conversation ${appended.statements.length}`);
    // 27 and 19 before the plain-SQL path (docs/performance/ingest-worker.md): a customer's message
    // is now BEGIN, the lock, one facts read (duplicate, latest survey, open status, tier, SLA
    // policies, the conversation to join), one write (conversation, message, attachments, clocks,
    // event), COMMIT; the identity with its contact is one read. A new (proven) sender's contact
    // and identity are BEGIN, the field lock, the holder read, one write, COMMIT (16 through
    // Prisma), and its process reads the workspace's webhook subscriptions once per
    // SUBSCRIPTIONS_TTL_MS (here on the first message).
    expect(opened.statements.length).toBeLessThanOrEqual(15);
    expect(appended.statements.length).toBeLessThanOrEqual(9);
  });
});
