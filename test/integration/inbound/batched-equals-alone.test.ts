// A batch of customer messages (recorded in one transaction, their facts read in one statement) ends
// in exactly the state the same messages reach one at a time: the same conversations, statuses,
// messages in order, SLA clocks and timeline entries. Two SMS channels get the same senders in the
// same prior states (none, an open conversation, a resolved one, a pending one); one channel takes
// the next messages one by one, the other all at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processInboundEvent } from '../../../src/domain/inbound/process-inbound-event.ts';
import { countStatements } from '../../support/count-statements.ts';
import { sid } from '../../support/fake-twilio.ts';
import { startTwilioHarness, type TwilioHarness } from '../../support/twilio-harness.ts';

const ALONE = '+14155550301';
const BATCHED = '+14155550302';
const senders = { fresh: '+14155552301', open: '+14155552302', resolved: '+14155552303', pending: '+14155552304', twiceFresh: '+14155552305', twiceOpen: '+14155552306' };

describe('customer messages recorded in a batch', () => {
  let t: TwilioHarness;
  beforeAll(async () => {
    t = await startTwilioHarness({
      channels: (settings) => [
        { kind: 'sms', name: 'One by one', address: ALONE, settings },
        { kind: 'sms', name: 'All at once', address: BATCHED, settings },
      ],
    });
    const { db } = t.h.rt.deps;
    const workspaceId = t.h.workspace.workspace.id;
    await db.slaPolicy.create({ data: { workspaceId, name: 'Texts', targets: { normal: { first_response: 600, next_response: 300, resolution: 86_400 } } } });
  });
  afterAll(async () => {
    await t?.close();
  });

  const store = async (to: string, from: string, body: string) => {
    const { db } = t.h.rt.deps;
    const channel = await db.channel.findFirstOrThrow({ where: { address: to } });
    const params = { MessageSid: sid('SM'), AccountSid: t.fake.accountSid, From: from, To: to, Body: body, NumMedia: '0', NumSegments: '1', SmsStatus: 'received', ApiVersion: '2010-04-01' };
    const event = await db.inboundEvent.create({
      data: { workspaceId: channel.workspaceId, channelId: channel.id, externalId: params.MessageSid, raw: new Uint8Array(Buffer.from(new URLSearchParams(params).toString())), payload: params },
    });
    return event.id;
  };
  const ingest = async (to: string, from: string, body: string) => {
    const outcome = await processInboundEvent(t.h.rt.deps, await store(to, from, body));
    if (outcome.status !== 'processed') throw new Error(`not recorded: ${JSON.stringify(outcome)}`);
    return outcome.conversationId;
  };
  const setStatus = async (conversationId: string, status: string) => {
    const res = await t.h.api(t.admin, 'POST', `/api/conversations/${conversationId}/status`, { status });
    if (res.status !== 200) throw new Error(`status ${status}: ${res.status}`);
  };

  /** What a sender's conversations on a channel look like, without ids and times. */
  const shape = async (to: string, from: string) => {
    const { db } = t.h.rt.deps;
    const conversations = await db.conversation.findMany({
      where: { channel: { address: to }, contact: { identities: { some: { address: from } } } },
      orderBy: { createdAt: 'asc' },
      include: {
        messages: { orderBy: { createdAt: 'asc' }, select: { text: true, direction: true } },
        slaClocks: { orderBy: [{ metric: 'asc' }, { createdAt: 'asc' }], select: { metric: true, status: true, metAt: true, breachedAt: true } },
        events: { orderBy: { createdAt: 'asc' }, select: { kind: true, data: true } },
      },
    });
    return conversations.map((c) => ({
      status: c.status, statusKey: c.statusKey, messageCount: c.messageCount, waiting: c.waitingSince !== null, policy: c.slaPolicyId !== null,
      messages: c.messages, clocks: c.slaClocks.map((k) => ({ metric: k.metric, status: k.status, met: k.metAt !== null, breached: k.breachedAt !== null })),
      // Routing's own entries come from the route worker afterwards, at its own pace: not the batch's.
      events: c.events.filter((e) => !e.kind.startsWith('routing.') && e.kind !== 'assignment').map((e) => ({ kind: e.kind, data: e.data })),
    }));
  };

  it('leaves every sender as the same messages one at a time do', async () => {
    for (const to of [ALONE, BATCHED]) {
      await ingest(to, senders.open, 'my order is late');
      await setStatus(await ingest(to, senders.resolved, 'where is my refund'), 'resolved');
      await setStatus(await ingest(to, senders.pending, 'the app crashes'), 'pending');
      await ingest(to, senders.twiceOpen, 'hello');
    }
    const next: Array<[string, string]> = [
      [senders.fresh, 'first time here'],
      [senders.open, 'any news?'],
      [senders.resolved, 'it is back'],
      [senders.pending, 'here is the screenshot'],
      [senders.twiceFresh, 'one'],
      [senders.twiceOpen, 'two'],
      [senders.twiceFresh, 'one more'],
      [senders.twiceOpen, 'two more'],
    ];
    for (const [from, body] of next) await ingest(ALONE, from, body);
    const ids: string[] = [];
    for (const [from, body] of next) ids.push(await store(BATCHED, from, body));
    const { result, statements } = await countStatements(() => Promise.all(ids.map((id) => processInboundEvent(t.h.rt.deps, id))));
    expect(result.map((o) => o.status)).toEqual(next.map(() => 'processed'));
    // They went as a batch: their first messages' facts in one statement.
    expect(statements.some((s) => s.includes('WITH ORDINALITY AS q(p1'))).toBe(true);
    for (const from of Object.values(senders)) {
      const alone = await shape(ALONE, from);
      expect(alone.length).toBeGreaterThan(0);
      expect(await shape(BATCHED, from)).toEqual(alone);
    }
  });
});
