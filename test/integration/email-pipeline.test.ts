// The whole email path over real SMTP, Postgres, Redis and socket.io: a customer writes, an agent
// sees it live and answers, the customer's mailbox receives a threaded reply, and their answer
// lands in the same conversation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('email pipeline', () => {
  let h: Harness;
  let adminToken: string;

  beforeAll(async () => {
    h = await startHarness();
    adminToken = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const conversationsOf = async (address: string) => {
    const res = await h.api(adminToken, 'GET', '/api/conversations?limit=100');
    expect(res.status).toBe(200);
    return (res.body.items as any[]).filter((c) => c.contact.email === address);
  };

  it('a customer email becomes a conversation, seen through the API and live over socket.io; the reply and the answer thread', async () => {
    const socket = await h.socket(adminToken);
    const created: any[] = [];
    const messages: any[] = [];
    socket.on('conversation.created', (c) => created.push(c));
    socket.on('message.created', (m) => messages.push(m));

    const customerMsgId = await h.sendCustomerMail({
      from: 'Dana Customer <Dana@Example.com>',
      subject: 'My parcel is lost',
      text: 'Hello, my parcel 123 never arrived.\n\nDana',
    });

    const [conv] = await waitUntil(async () => {
      const list = await conversationsOf('dana@example.com');
      return list.length ? list : null;
    }, 'the conversation in the API');
    expect(conv.subject).toBe('My parcel is lost');
    expect(conv.status).toBe('open');
    expect(conv.channel.kind).toBe('email');
    expect(conv.contact.name).toBe('Dana Customer');
    expect(conv.lastMessage.text).toContain('never arrived');

    await waitUntil(async () => created.find((c) => c.id === conv.id), 'conversation.created over socket.io');
    const live = await waitUntil(async () => messages.find((m) => m.conversationId === conv.id), 'message.created over socket.io');
    expect(live.externalId).toBe(customerMsgId);
    expect(live.direction).toBe('in');

    // The agent answers; the customer's mailbox receives it, threaded onto their message.
    const reply = await h.api(adminToken, 'POST', `/api/conversations/${conv.id}/messages`, { text: 'Sorry about that, Dana. We are on it.' });
    expect(reply.status).toBe(202);
    expect(reply.body.deliveryStatus).toBe('queued');
    const delivered = await h.sink.waitFor((m) => m.parsed.subject === 'Re: My parcel is lost');
    expect(delivered.envelope.to).toEqual(['dana@example.com']);
    expect(delivered.parsed.inReplyTo).toBe(customerMsgId);
    expect([delivered.parsed.references].flat()).toContain(customerMsgId);
    expect(delivered.parsed.messageId).toBe(reply.body.externalId);
    expect(delivered.parsed.from?.value[0]?.address).toBe('help@acme.test');
    expect(delivered.parsed.text).toContain('We are on it');

    const sent = await waitUntil(async () => {
      const r = await h.api(adminToken, 'GET', `/api/conversations/${conv.id}`);
      const m = (r.body.messages as any[]).find((x) => x.id === reply.body.id);
      return m?.deliveryStatus === 'sent' ? m : null;
    }, 'delivery status sent');
    expect(sent.sentAt).not.toBeNull();

    // The customer answers our reply: same conversation.
    await h.sendCustomerMail({
      from: 'dana@example.com',
      subject: 'Re: My parcel is lost',
      text: 'Thanks! Any news?\n\nOn Mon, Acme Help wrote:\n> Sorry about that, Dana. We are on it.',
      inReplyTo: delivered.parsed.messageId,
      references: [customerMsgId, delivered.parsed.messageId!],
    });
    const thread = await waitUntil(async () => {
      const r = await h.api(adminToken, 'GET', `/api/conversations/${conv.id}`);
      return (r.body.messages as any[]).length === 3 ? r.body : null;
    }, 'the answer in the same conversation');
    expect(thread.messages.map((m: any) => m.direction)).toEqual(['in', 'out', 'in']);
    expect(thread.messages[2].text).toContain('Any news?');
    expect(await conversationsOf('dana@example.com')).toHaveLength(1);
  });

  it('the same message delivered twice produces one message', async () => {
    const raw = { from: 'twice@example.com', subject: 'Duplicate delivery', text: 'Once please', messageId: '<dup-1@example.com>' };
    await h.sendCustomerMail(raw);
    await h.sendCustomerMail(raw);
    const [conv] = await waitUntil(async () => {
      const list = await conversationsOf('twice@example.com');
      return list.length ? list : null;
    }, 'the conversation');
    // Give a would-be duplicate time to be processed before counting.
    await waitUntil(async () => (await h.testDb.db.inboundEvent.count({ where: { status: 'received' } })) === 0, 'ingest to drain');
    const messages = await h.testDb.db.message.findMany({ where: { externalId: '<dup-1@example.com>' } });
    expect(messages).toHaveLength(1);
    expect(conv.messageCount).toBe(1);
    expect(await h.testDb.db.inboundEvent.count({ where: { externalId: '<dup-1@example.com>' } })).toBe(1);
  });

  it('an unparsable payload is kept as a failed inbound event with its reason', async () => {
    const garbage = 'this is not an email at all, no headers, no sender\r\n';
    const transport = (await import('nodemailer')).default.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    await transport.sendMail({ envelope: { from: 'x@example.com', to: ['help@acme.test'] }, raw: garbage });
    transport.close();
    const failed = await waitUntil(async () => {
      const r = await h.api(adminToken, 'GET', '/api/inbound-events?status=failed');
      return (r.body.items as any[]).find((e) => e.externalId.startsWith('sha256:'));
    }, 'the failed event');
    expect(failed.error).toMatch(/\S/);
    const row = await h.testDb.db.inboundEvent.findUniqueOrThrow({ where: { id: failed.id } });
    // Kept as it arrived, below the trace headers the edge adds (its sender check under our authserv-id).
    const stored = Buffer.from(row.raw!).toString();
    expect(stored.endsWith(garbage)).toBe(true);
    expect(stored).toMatch(/^Received-SPF: [^\r\n]*\r\nAuthentication-Results: parley\.inbound;/);
    expect(row.messageId).toBeNull();
  });
});
