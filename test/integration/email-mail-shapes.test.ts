// Odd real-world email shapes through the real SMTP edge, Postgres and the outbound SMTP path: a
// message with NUL bytes in its Subject, From name, body and an attachment's file name lands in
// the inbox cleaned; an agent's reply to a proven sender's message with Reply-To goes to the
// Reply-To address, and to the From identity when the sender is not proven.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX, startHarness, type Harness } from '../support/harness.ts';
import { waitUntil } from '../support/wait.ts';

describe('email shapes through the real SMTP paths', () => {
  let h: Harness;
  let token: string;

  beforeAll(async () => {
    h = await startHarness();
    token = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('a message with NUL bytes in Subject, From name, body and attachment file name lands in the inbox', async () => {
    const raw = readFileSync(new URL('../fixtures/email/nul-bytes.eml', import.meta.url));
    expect(raw.includes(0)).toBe(true);
    await h.sendRawMail({ raw }, { from: 'nul.sender@example.com', to: [INBOX] });
    const message = await waitUntil(
      () => h.testDb.db.message.findFirst({ where: { externalId: '<nul-bytes-1@example.com>' }, include: { attachments: true, authorContact: true } }),
      'the NUL-laden message in the inbox',
    );
    expect(message.subject).toBe('Brokensubject');
    expect(message.text).toBe('Hello world, the file is attached.');
    expect(message.attachments.map((a) => a.filename)).toEqual(['notes.txt']);
    expect(message.authorContact?.name).toBe('NulName');
    const event = await h.testDb.db.inboundEvent.findFirstOrThrow({ where: { externalId: '<nul-bytes-1@example.com>' } });
    expect(event.status).toBe('processed');
    expect(event.messageId).toBe(message.id);
  });

  it("an agent's reply to a message with Reply-To goes to the Reply-To address; the contact stays the From address", async () => {
    const customerId = await h.sendCustomerMail({
      from: 'Mary Smith <mary.work@example.net>',
      replyTo: '"Mary Smith: Personal Account" <smith@home.example>',
      subject: 'Please answer me at home',
      text: 'Hello, please write back to my personal address.',
    });
    const conversationId = await h.conversationFor(customerId);
    const conversation = await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: conversationId }, include: { contact: true } });
    expect(conversation.contact.email).toBe('mary.work@example.net');

    const reply = await h.api(token, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Of course, Mary.' });
    expect(reply.status).toBe(202);
    const delivered = await h.sink.waitFor((m) => m.parsed.subject === 'Re: Please answer me at home');
    expect(delivered.envelope.to).toEqual(['smith@home.example']);
    expect(delivered.parsed.to && !Array.isArray(delivered.parsed.to) ? delivered.parsed.to.value.map((v) => v.address) : null).toEqual(['smith@home.example']);
    expect(delivered.parsed.inReplyTo).toBe(customerId);
    const detail = await h.api(token, 'GET', `/api/conversations/${conversationId}`);
    expect(detail.body.messages.find((m: { externalId: string }) => m.externalId === customerId).envelope).toEqual({
      replyTo: { address: 'smith@home.example', name: 'Mary Smith: Personal Account', followed: true },
      sentBy: null,
      alsoFrom: [],
    });
  });

  it('an unproven sender\'s Reply-To is not followed: the answer goes to the From identity, not to where a forger points it', async () => {
    const raw = [
      'From: Olav Berg <olav.berg@example.org>',
      'Reply-To: <collector@attacker.example>',
      `To: ${INBOX}`,
      'Subject: Send my invoice history here',
      'Message-ID: <forged-reply-to-1@attacker.example>',
      'Date: Tue, 01 Dec 2026 10:00:00 +0000',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Please send all my invoices.',
      '',
    ].join('\r\n');
    await h.sendRawMail({ raw }, { from: 'olav.berg@example.org', to: [INBOX] });
    const message = await waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId: '<forged-reply-to-1@attacker.example>' } }), 'the forged message');
    expect(message.metadata).toMatchObject({ replyTo: { address: 'collector@attacker.example' }, sender: { verified: false } });
    const reply = await h.api(token, 'POST', `/api/conversations/${message.conversationId}/messages`, { text: 'Here is what we have.' });
    expect(reply.status).toBe(202);
    const delivered = await h.sink.waitFor((m) => m.parsed.subject === 'Re: Send my invoice history here');
    expect(delivered.envelope.to).toEqual(['olav.berg@example.org']);
    const detail = await h.api(token, 'GET', `/api/conversations/${message.conversationId}`);
    expect(detail.body.messages[0].envelope).toMatchObject({ replyTo: { address: 'collector@attacker.example', followed: false } });
  });
});
