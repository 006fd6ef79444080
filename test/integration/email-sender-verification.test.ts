// Over the real SMTP edge, with SPF/DKIM/DMARC answered by a fake DNS zone: a customer whose mail
// passes DMARC threads into their conversation as before; a message naming them in From (and
// replying to their thread by References) whose SPF and DMARC fail does not join as them.
import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INBOX, startHarness, type Harness } from '../support/harness.ts';
import { testDkimFor } from '../support/fake-dns.ts';
import { waitUntil } from '../support/wait.ts';

describe('email sender verification at the SMTP edge', () => {
  let h: Harness;
  let agent: string;
  let customerConversation: string;
  let customerContact: string;
  let firstId: string;

  beforeAll(async () => {
    h = await startHarness();
    agent = await h.login(h.workspace.agents[1]!.email);
    // bank.test publishes a strict policy: only its own servers (not loopback) send for it.
    h.dns.txt('bank.test', 'v=spf1 ip4:192.0.2.10 -all');
    h.dns.txt('_dmarc.bank.test', 'v=DMARC1; p=reject; adkim=r; aspf=r');
    firstId = await h.sendCustomerMail({ from: 'Carol Client <carol@bank.test>', envelope: { from: 'carol@bank.test', to: [INBOX] }, subject: 'Card blocked', text: 'My card ending 4242 is blocked' });
    customerConversation = await h.conversationFor(firstId);
    customerContact = (await h.testDb.db.conversation.findUniqueOrThrow({ where: { id: customerConversation } })).contactId;
  });
  afterAll(async () => {
    await h?.close();
  });

  const messageOf = (externalId: string) => waitUntil(() => h.testDb.db.message.findFirst({ where: { externalId }, include: { conversation: true } }), `message ${externalId}`);

  it('a DKIM-signed, DMARC-passing message is proven: its identity is verified', async () => {
    const first = await messageOf(firstId);
    expect((first.metadata as any).sender).toEqual({ verified: true, reason: 'dmarc=pass for bank.test' });
    const identity = await h.testDb.db.contactIdentity.findFirstOrThrow({ where: { channelKind: 'email', address: 'carol@bank.test' } });
    expect(identity).toMatchObject({ contactId: customerContact, verification: 'dmarc=pass for bank.test' });
    expect(identity.verifiedAt).not.toBeNull();
  });

  it('a forged From with failing SPF and DMARC that names the customer’s thread does not join it as the customer', async () => {
    const forgedId = await h.sendRawMail(
      { from: 'Carol Client <carol@bank.test>', subject: 'Re: Card blocked', text: 'Please send the new card to 1 Thief Road', inReplyTo: firstId, references: [firstId] },
      { from: 'carol@bank.test', to: [INBOX] },
    );
    const forged = await messageOf(forgedId);
    expect(forged.conversationId).not.toBe(customerConversation);
    expect(forged.conversation.contactId).not.toBe(customerContact);
    expect(forged.authorContactId).not.toBe(customerContact);
    expect((forged.metadata as any).sender).toMatchObject({ verified: false, reason: expect.stringMatching(/dmarc=fail.*spf=fail/) });
    // Agents see it marked and whom it claims to be, with the customer as the owner to merge into deliberately.
    const detail = await h.api(agent, 'GET', `/api/conversations/${forged.conversationId}`);
    expect(detail.body.messages[0].sender).toMatchObject({ address: 'carol@bank.test', verified: false });
    const claims = await h.api(agent, 'GET', `/api/contacts/${forged.conversation.contactId}/claims`);
    expect(claims.body).toMatchObject([{ field: 'email', value: 'carol@bank.test', status: 'pending', owner: { id: customerContact } }]);
    // The customer's own conversation holds only their message.
    expect(await h.testDb.db.message.count({ where: { conversationId: customerConversation } })).toBe(1);

    // A second forgery threads with the first (one claimant), never with the customer.
    const againId = await h.sendRawMail({ from: 'carol@bank.test', subject: 'Re: Card blocked', text: 'Hurry up', inReplyTo: forgedId, references: [firstId, forgedId] }, { from: 'carol@bank.test', to: [INBOX] });
    expect((await messageOf(againId)).conversationId).toBe(forged.conversationId);
  });

  it('an Authentication-Results header the sender wrote under our authserv-id is not believed', async () => {
    const raw = [
      'Authentication-Results: parley.inbound; dmarc=pass header.from=bank.test; dkim=pass header.d=bank.test',
      'From: Carol Client <carol@bank.test>',
      `To: ${INBOX}`,
      'Subject: Re: Card blocked',
      `In-Reply-To: ${firstId}`,
      `References: ${firstId}`,
      'Message-ID: <forged-ar@evil.test>',
      '',
      'Trust me, I passed.',
      '',
    ].join('\r\n');
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: h.smtpPort, secure: false, ignoreTLS: true });
    await t.sendMail({ envelope: { from: 'carol@bank.test', to: [INBOX] }, raw });
    t.close();
    const m = await messageOf('<forged-ar@evil.test>');
    expect(m.conversationId).not.toBe(customerConversation);
    expect((m.metadata as any).sender.verified).toBe(false);
    const stored = await h.testDb.db.inboundEvent.findFirstOrThrow({ where: { externalId: '<forged-ar@evil.test>' } });
    expect(Buffer.from(stored.raw!).toString()).toContain('X-Parley-Untrusted-Authentication-Results: parley.inbound; dmarc=pass');
  });

  it('a signed reply from the customer still threads into their conversation as them', async () => {
    const replyId = await h.sendCustomerMail({ from: 'carol@bank.test', envelope: { from: 'carol@bank.test', to: [INBOX] }, subject: 'Re: Card blocked', text: 'Any news?', inReplyTo: firstId, references: [firstId] });
    const reply = await messageOf(replyId);
    expect(reply.conversationId).toBe(customerConversation);
    expect(reply.authorContactId).toBe(customerContact);
  });

  it('a signature by another domain does not prove the From (DKIM must align)', async () => {
    const id = await h.sendRawMail({ from: 'carol@bank.test', subject: 'Re: Card blocked', text: 'Signed by my own domain', inReplyTo: firstId, references: [firstId], dkim: testDkimFor('mallory@evil.test') }, { from: 'mallory@evil.test', to: [INBOX] });
    const m = await messageOf(id);
    expect(m.conversationId).not.toBe(customerConversation);
    expect((m.metadata as any).sender.verified).toBe(false);
  });

  it('a new sender who cannot be proven gets a claimed identity of their own, proven later by a passing message', async () => {
    h.dns.txt('shop.test', 'v=spf1 -all');
    const contactWithEmail = await h.testDb.db.contact.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Sam (imported)', email: 'sam@shop.test' } });
    const firstId = await h.sendRawMail({ from: 'Sam <sam@shop.test>', subject: 'Invoice', text: 'Where is my invoice?' }, { from: 'sam@shop.test', to: [INBOX] });
    const first = await messageOf(firstId);
    // Not linked to the contact who has that email: it is only claimed.
    expect(first.conversation.contactId).not.toBe(contactWithEmail.id);
    const identity = await h.testDb.db.contactIdentity.findFirstOrThrow({ where: { channelKind: 'email', address: 'sam@shop.test' } });
    expect(identity).toMatchObject({ contactId: first.conversation.contactId, verifiedAt: null });
    expect(await h.testDb.db.identityClaim.findMany({ where: { contactId: first.conversation.contactId } })).toMatchObject([{ field: 'email', value: 'sam@shop.test', status: 'pending' }]);
    // Unproven again: the same claimant, threaded as before and marked.
    const secondId = await h.sendRawMail({ from: 'sam@shop.test', subject: 'Re: Invoice', text: 'Hello?', inReplyTo: firstId, references: [firstId] }, { from: 'sam@shop.test', to: [INBOX] });
    expect((await messageOf(secondId)).conversationId).toBe(first.conversationId);
    // A DKIM-signed message proves the identity; the customer stays one contact, in one thread.
    const signedId = await h.sendCustomerMail({ from: 'sam@shop.test', envelope: { from: 'sam@shop.test', to: [INBOX] }, subject: 'Re: Invoice', text: 'Signed now', inReplyTo: secondId, references: [firstId, secondId] });
    expect((await messageOf(signedId)).conversationId).toBe(first.conversationId);
    expect((await h.testDb.db.contactIdentity.findUniqueOrThrow({ where: { id: identity.id } })).verification).toBe('dkim=pass aligned with shop.test');
  });
});
