// A customer with history on several channels, written straight to the database like
// floor-fixtures.ts: an older email conversation with a long back-and-forth, a text message
// thread and a phone call, so the customer panel's cross-channel timeline has pages to show.
import type { Db } from '../../src/db/client.ts';

const MINUTE = 60_000;

async function conversation(db: Db, input: { workspaceId: string; contactId: string; channelId: string; subject: string | null; status: 'open' | 'resolved'; at: Date }) {
  const ws = await db.workspace.update({ where: { id: input.workspaceId }, data: { conversationSeq: { increment: 1 } } });
  return db.conversation.create({
    data: {
      workspaceId: input.workspaceId,
      number: ws.conversationSeq,
      channelId: input.channelId,
      contactId: input.contactId,
      subject: input.subject,
      status: input.status,
      statusKey: input.status,
      createdAt: input.at,
      lastMessageAt: input.at,
      lastInboundAt: input.at,
      resolvedAt: input.status === 'resolved' ? input.at : null,
    },
  });
}

/** Returns how many timeline entries it wrote. */
export async function addCustomerHistory(db: Db, input: { workspaceId: string; contactId: string; agentId: string; email: string; sms: string; voice: string; now: Date }): Promise<number> {
  const { workspaceId, contactId, agentId } = input;
  const at = (minutesAgo: number) => new Date(input.now.getTime() - minutesAgo * MINUTE);
  const message = (conversationId: string, channelId: string, minutesAgo: number, direction: 'in' | 'out', text: string) =>
    db.message.create({
      data: { workspaceId, conversationId, channelId, direction, text, createdAt: at(minutesAgo), ...(direction === 'in' ? { authorContactId: contactId } : { authorAgentId: agentId, deliveryStatus: 'delivered' as const }) },
    });

  for (const channelKind of ['sms', 'voice']) await db.contactIdentity.create({ data: { workspaceId, contactId, channelKind, address: '+14155550142' } });
  const older = await conversation(db, { workspaceId, contactId, channelId: input.email, subject: 'Invoice for order 4821', status: 'resolved', at: at(9 * 24 * 60) });
  for (let i = 0; i < 20; i++) {
    const minutesAgo = 10 * 24 * 60 - i * 30;
    await message(older.id, input.email, minutesAgo, i % 2 === 0 ? 'in' : 'out', i % 2 === 0 ? `Question ${i / 2 + 1} about the invoice for order 4821.` : `Answer ${(i + 1) / 2}: the corrected invoice is attached.`);
  }
  const texts = await conversation(db, { workspaceId, contactId, channelId: input.sms, subject: null, status: 'resolved', at: at(2 * 24 * 60) });
  await message(texts.id, input.sms, 2 * 24 * 60 + 5, 'in', 'Hi, is the kettle still in stock?');
  await message(texts.id, input.sms, 2 * 24 * 60, 'out', 'Yes, we have 12 left. Shall I reserve one?');
  const call = await conversation(db, { workspaceId, contactId, channelId: input.voice, subject: null, status: 'resolved', at: at(26 * 60) });
  await db.message.create({
    data: {
      workspaceId,
      conversationId: call.id,
      channelId: input.voice,
      direction: 'in',
      kind: 'event',
      authorContactId: contactId,
      text: 'Answered call · 3:12',
      createdAt: at(26 * 60),
      metadata: { call: { direction: 'inbound', outcome: 'completed', durationSeconds: 192 } },
    },
  });
  return 20 + 2 + 1;
}
