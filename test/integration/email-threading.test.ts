// How inbound email groups into conversations, and how auto-replies, bounces and attachments are
// handled, through the real SMTP edge and workers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('email threading', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const drained = () => waitUntil(async () => (await h.testDb.db.inboundEvent.count({ where: { status: 'received' } })) === 0, 'ingest to drain');
  const conversationsOf = async (address: string) => {
    await drained();
    return h.testDb.db.conversation.findMany({ where: { contact: { email: address } }, include: { messages: { orderBy: { createdAt: 'asc' } } }, orderBy: { number: 'asc' } });
  };
  const processed = (externalId: string) =>
    waitUntil(async () => {
      const e = await h.testDb.db.inboundEvent.findFirst({ where: { externalId } });
      return e && e.status !== 'received' ? e : null;
    }, `inbound ${externalId} processed`);

  it('a reply whose client dropped the headers still joins by sender and subject; a new subject opens a new case', async () => {
    const first = await h.sendCustomerMail({ from: 'erin@example.com', subject: 'Refund for order 77', text: 'Please refund.' });
    await processed(first);
    const second = await h.sendCustomerMail({ from: 'erin@example.com', subject: 'RE: Fwd: Refund for order 77', text: 'Any update?' });
    await processed(second);
    const third = await h.sendCustomerMail({ from: 'erin@example.com', subject: 'Change my address', text: 'New address: ...' });
    await processed(third);
    const convs = await conversationsOf('erin@example.com');
    expect(convs.map((c) => c.messages.length)).toEqual([2, 1]);
    expect(convs[1]!.subject).toBe('Change my address');
  });

  it('replies from different people to one of our messages stay separate conversations', async () => {
    const first = await h.sendCustomerMail({ from: 'fay@example.com', cc: 'gus@example.com', subject: 'Team account', text: 'Hi' });
    await processed(first);
    const [conv] = await conversationsOf('fay@example.com');
    const reply = await h.api(token, 'POST', `/api/conversations/${conv!.id}/messages`, { text: 'Hello both' });
    expect(reply.status).toBe(202);
    const gus = await h.sendCustomerMail({ from: 'gus@example.com', subject: 'Re: Team account', text: 'I have a question too', inReplyTo: reply.body.externalId, references: [first, reply.body.externalId] });
    await processed(gus);
    expect(await conversationsOf('fay@example.com')).toHaveLength(1);
    const gusConvs = await conversationsOf('gus@example.com');
    expect(gusConvs).toHaveLength(1);
    expect(gusConvs[0]!.id).not.toBe(conv!.id);
  });

  it('a message after resolution reopens within the window and starts a new conversation after it', async () => {
    const first = await h.sendCustomerMail({ from: 'hal@example.com', subject: 'Broken lid', text: 'The lid is broken.' });
    await processed(first);
    const [conv] = await conversationsOf('hal@example.com');
    expect((await h.api(token, 'POST', `/api/conversations/${conv!.id}/status`, { status: 'resolved' })).status).toBe(200);

    const again = await h.sendCustomerMail({ from: 'hal@example.com', subject: 'Re: Broken lid', text: 'Still broken', inReplyTo: first, references: [first] });
    await processed(again);
    const reopened = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv!.id } });
    expect(reopened.status).toBe('open');
    expect(reopened.resolvedAt).toBeNull();

    await h.api(token, 'POST', `/api/conversations/${conv!.id}/status`, { status: 'resolved' });
    // Resolved long ago: outside the default 7-day reopen window.
    await h.testDb.db.conversation.update({ where: { id: conv!.id }, data: { resolvedAt: new Date(Date.now() - 30 * 24 * 3600_000) } });
    const late = await h.sendCustomerMail({ from: 'hal@example.com', subject: 'Re: Broken lid', text: 'Months later, it broke again', inReplyTo: again, references: [first, again] });
    await processed(late);
    const convs = await conversationsOf('hal@example.com');
    expect(convs).toHaveLength(2);
    expect(convs[0]!.status).toBe('resolved');
    expect(convs[1]!.messages[0]!.text).toContain('broke again');
  });

  it('an out-of-office answer to our reply is kept in the conversation without reopening it or making anyone wait', async () => {
    const first = await h.sendCustomerMail({ from: 'ivy@example.com', subject: 'Warranty', text: 'Is it covered?' });
    await processed(first);
    const [conv] = await conversationsOf('ivy@example.com');
    const reply = await h.api(token, 'POST', `/api/conversations/${conv!.id}/messages`, { text: 'Yes, it is.' });
    await h.api(token, 'POST', `/api/conversations/${conv!.id}/status`, { status: 'resolved' });
    const ooo = await h.sendCustomerMail({
      from: 'ivy@example.com',
      subject: 'Automatic reply: Re: Warranty',
      text: 'I am out of office until Monday.',
      inReplyTo: reply.body.externalId,
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await processed(ooo);
    const after = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv!.id }, include: { messages: { orderBy: { createdAt: 'asc' } } } });
    expect(after.status).toBe('resolved');
    expect(after.waitingSince).toBeNull();
    expect(after.messages.map((m) => m.kind)).toEqual(['message', 'message', 'auto_reply']);

    const stray = await h.sendCustomerMail({ from: 'nobody@example.com', subject: 'Out of Office', text: 'Away', headers: { 'Auto-Submitted': 'auto-replied' } });
    const event = await processed(stray);
    expect(event.status).toBe('ignored');
    expect(await conversationsOf('nobody@example.com')).toHaveLength(0);
  });

  it('a bounce marks our reply failed with the reason and is shown in the conversation', async () => {
    const first = await h.sendCustomerMail({ from: 'jay@example.com', subject: 'Gift card', text: 'Code does not work' });
    await processed(first);
    const [conv] = await conversationsOf('jay@example.com');
    const reply = await h.api(token, 'POST', `/api/conversations/${conv!.id}/messages`, { text: 'Try this code.' });
    const sent = await h.sink.waitFor((m) => m.parsed.messageId === reply.body.externalId);
    const dsn = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'To: help@acme.test',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.example.com>',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      'Content-Type: text/plain',
      '',
      'Your message could not be delivered.',
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Final-Recipient: rfc822; jay@example.com',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 mailbox unavailable',
      '--B',
      'Content-Type: text/rfc822-headers',
      '',
      `Message-ID: ${sent.parsed.messageId}`,
      'Subject: Re: Gift card',
      '--B--',
      '',
    ].join('\r\n');
    const nodemailer = (await import('nodemailer')).default;
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    await t.sendMail({ envelope: { from: '', to: ['help@acme.test'] }, raw: dsn });
    t.close();
    await processed('<dsn-1@mx.example.com>');
    const original = await h.testDb.db.message.findUniqueOrThrow({ where: { id: reply.body.id } });
    expect(original.deliveryStatus).toBe('failed');
    expect(original.deliveryError).toContain('5.1.1');
    const kinds = (await h.testDb.db.message.findMany({ where: { conversationId: conv!.id }, orderBy: { createdAt: 'asc' } })).map((m) => m.kind);
    expect(kinds).toEqual(['message', 'message', 'bounce']);
    const refreshed = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conv!.id } });
    expect(refreshed.waitingSince).toBeNull();
  });

  it('attachments are stored once by content hash and downloadable through the API', async () => {
    const pdf = Buffer.from('%PDF-1.4\n% a tiny test file\n%%EOF\n');
    const id = await h.sendCustomerMail({
      from: 'kim@example.com',
      subject: 'Invoice attached',
      text: 'See attachment',
      attachments: [{ filename: 'Rechnung März.pdf', content: pdf, contentType: 'application/pdf' }],
    });
    await processed(id);
    const [conv] = await conversationsOf('kim@example.com');
    const detail = await h.api(token, 'GET', `/api/conversations/${conv!.id}`);
    const att = detail.body.messages[0].attachments[0];
    expect(att).toMatchObject({ filename: 'Rechnung März.pdf', contentType: 'application/pdf', size: pdf.length });
    const res = await fetch(`${h.apiUrl}/api/attachments/${att.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf");
    expect(Buffer.from(await res.arrayBuffer())).toEqual(pdf);
    const row = await h.testDb.db.attachment.findUniqueOrThrow({ where: { id: att.id } });
    expect(row.sha256).toMatch(/^[a-f0-9]{64}$/);
  });
});
