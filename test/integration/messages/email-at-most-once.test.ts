// Email cannot look up what it sent: a send interrupted between the hand-over and the record of the
// server's answer is never sent again on its own (at most once after the 250). It shows 'delivery
// uncertain', and "Send again" sends the same message (same Message-ID) once more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTERRUPTED_SEND_SECONDS, sweepQueuedMessages } from '../../../src/domain/messages/sweep-queued-messages.ts';
import { startHarness, type Harness } from '../../support/harness.ts';
import { waitUntil } from '../../support/wait.ts';

describe('email at most once after the 250', () => {
  let h: Harness;
  let admin: string;
  let agent: string;

  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
    agent = await h.login(h.workspace.agents[2]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const db = () => h.testDb.db;
  const copies = (messageId: string) => h.sink.messages.filter((m) => m.parsed.messageId === messageId).length;

  async function sentReply(from: string, text: string) {
    const conversationId = await h.conversationFor(await h.sendCustomerMail({ from, subject: `About ${text}`, text: 'Hello?' }));
    const reply = await h.api<{ id: string }>(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text });
    expect(reply.status).toBe(202);
    const sent = await waitUntil(async () => db().message.findFirst({ where: { id: reply.body.id, deliveryStatus: 'sent' } }), 'sent');
    await h.queuesDrained(['deliver']);
    return { conversationId, message: sent };
  }

  /** What a worker killed right after the server's 250 leaves behind: 'sending', the job gone. */
  async function interruptAfter250(id: string) {
    const longAgo = new Date(h.rt.deps.clock.now().getTime() - (INTERRUPTED_SEND_SECONDS + 60) * 1000);
    await db().message.update({ where: { id }, data: { deliveryStatus: 'sending', sentAt: null, updatedAt: longAgo } });
  }

  it('an interrupted email send is marked delivery uncertain and not sent again', async () => {
    const { conversationId, message } = await sentReply('ulla@example.com', 'Your refund is on its way.');
    expect(copies(message.externalId!)).toBe(1);
    await interruptAfter250(message.id);
    expect(await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 })).toBe(1);
    const uncertain = await waitUntil(async () => db().message.findFirst({ where: { id: message.id, deliveryStatus: 'uncertain' } }), 'uncertain');
    await h.queuesDrained(['deliver']);
    expect(copies(message.externalId!)).toBe(1);
    expect(uncertain.deliveryError).toMatch(/may not have received it/);
    // The agent sees it so in the conversation.
    const detail = await h.api<{ messages: { id: string; deliveryStatus: string; deliveryError: string | null }[] }>(admin, 'GET', `/api/conversations/${conversationId}`);
    expect(detail.body.messages.find((m) => m.id === message.id)).toMatchObject({ deliveryStatus: 'uncertain' });
    // The sweep does not pick it up again either.
    expect(await sweepQueuedMessages(h.rt.deps, { staleSeconds: 0 })).toBe(0);
  });

  it('a reply written after an uncertain one is not held back by it', async () => {
    const { conversationId, message } = await sentReply('vera@example.com', 'First answer.');
    await interruptAfter250(message.id);
    await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 });
    await waitUntil(async () => db().message.findFirst({ where: { id: message.id, deliveryStatus: 'uncertain' } }), 'uncertain');
    const next = await h.api<{ id: string }>(admin, 'POST', `/api/conversations/${conversationId}/messages`, { text: 'Second answer.' });
    await waitUntil(async () => db().message.findFirst({ where: { id: next.body.id, deliveryStatus: 'sent' } }), 'the next reply sent');
  });

  it('Send again delivers the same message with the same Message-ID once more; a second click is refused', async () => {
    const { message } = await sentReply('wim@example.com', 'Your parcel number is 42.');
    await interruptAfter250(message.id);
    await sweepQueuedMessages(h.rt.deps, { staleSeconds: 60 });
    await waitUntil(async () => db().message.findFirst({ where: { id: message.id, deliveryStatus: 'uncertain' } }), 'uncertain');
    const again = await h.api(admin, 'POST', `/api/messages/${message.id}/retry`);
    expect(again.status).toBe(202);
    const resent = await waitUntil(async () => db().message.findFirst({ where: { id: message.id, deliveryStatus: 'sent' } }), 'sent again');
    await h.queuesDrained(['deliver']);
    expect(resent.externalId).toBe(message.externalId);
    expect(copies(message.externalId!)).toBe(2);
    // Sent now: nothing to retry.
    const twice = await h.api<{ error: { code: string } }>(admin, 'POST', `/api/messages/${message.id}/retry`);
    expect(twice.status).toBe(409);
    // An agent of another team does not see the conversation (no team: everyone sees it; so give it Support's team).
    const conv = await db().message.findUniqueOrThrow({ where: { id: message.id }, select: { conversationId: true } });
    const support = await db().team.findFirstOrThrow({ where: { name: 'Support', workspaceId: h.workspace.workspace.id } });
    await db().conversation.update({ where: { id: conv.conversationId }, data: { teamId: support.id } });
    await db().message.update({ where: { id: message.id }, data: { deliveryStatus: 'uncertain' } });
    expect((await h.api(agent, 'POST', `/api/messages/${message.id}/retry`)).status).toBe(404);
  });
});
