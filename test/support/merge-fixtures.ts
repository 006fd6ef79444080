// Two contacts who are one person, for the merge tests: identities on several channels,
// conversations with messages, tags, attributes (one conflicting), a claim, and a third contact
// merged into the second earlier. `tableRows` reads every row of the tables a merge touches, to
// compare before and after an undo.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.ts';

export interface MergePair {
  annId: string;
  annaId: string;
  earlierId: string;
  conversationIds: string[];
}

/** Tables a merge reads or writes, compared whole (AuditEvent aside: merges add entries by design). */
export const MERGE_TABLES = ['Contact', 'ContactIdentity', 'Conversation', 'Message', 'IdentityClaim'] as const;

export async function tableRows(db: Db): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of MERGE_TABLES) out[t] = (await db.$queryRawUnsafe<{ row: unknown }[]>(`SELECT to_jsonb(t) AS row FROM "${t}" t ORDER BY "id"`)).map((r) => r.row);
  return out;
}

async function channel(db: Db, workspaceId: string, kind: string) {
  const address = `${kind}-${randomBytes(3).toString('hex')}`;
  return (await db.channel.findFirst({ where: { workspaceId, kind } })) ?? db.channel.create({ data: { workspaceId, kind, name: kind, address } });
}

async function conversationWith(db: Db, input: { workspaceId: string; channelId: string; contactId: string; assigneeId: string; texts: string[]; subject: string }) {
  const ws = await db.workspace.update({ where: { id: input.workspaceId }, data: { conversationSeq: { increment: 1 } } });
  const conv = await db.conversation.create({ data: { workspaceId: input.workspaceId, number: ws.conversationSeq, channelId: input.channelId, contactId: input.contactId, assigneeId: input.assigneeId, subject: input.subject, messageCount: input.texts.length } });
  for (const [i, text] of input.texts.entries()) {
    await db.message.create({ data: { workspaceId: input.workspaceId, conversationId: conv.id, channelId: input.channelId, direction: 'in', authorContactId: input.contactId, text, externalId: `${conv.id}-${i}`, references: [] } });
  }
  return conv.id;
}

/** Ann (email and SMS identities) and Anna (another email, a chat visitor, a phone): the same person. */
/** The conversations are assigned to `assigneeId`, so routing leaves them alone while a test compares rows. */
export async function seedMergePair(db: Db, workspaceId: string, opts: { assigneeId: string; tag?: string }): Promise<MergePair> {
  const tag = opts.tag ?? randomBytes(3).toString('hex');
  const [email, sms, webchat] = [await channel(db, workspaceId, 'email'), await channel(db, workspaceId, 'sms'), await channel(db, workspaceId, 'webchat')];
  const ann = await db.contact.create({
    data: { workspaceId, name: `Ann Lee ${tag}`, email: `ann.lee.${tag}@example.test`, phone: null, tier: 'gold', lifecycleStage: 'customer', tags: ['vip', 'billing'], attributes: { plan: 'pro', city: 'Lisbon' } },
  });
  const anna = await db.contact.create({
    data: { workspaceId, name: `Anna Lee ${tag}`, email: `annalee.${tag}@example.test`, phone: '+351910000001', tier: null, lifecycleStage: 'lead', tags: ['chat'], attributes: { plan: 'free', language: 'pt' } },
  });
  await db.contactIdentity.create({ data: { workspaceId, contactId: ann.id, channelKind: 'email', address: ann.email!, verifiedAt: new Date('2026-11-01T10:00:00Z') } });
  await db.contactIdentity.create({ data: { workspaceId, contactId: ann.id, channelKind: 'sms', address: `+35191${tag.length}${randomBytes(3).toString('hex')}` } });
  await db.contactIdentity.create({ data: { workspaceId, contactId: anna.id, channelKind: 'email', address: anna.email! } });
  await db.contactIdentity.create({ data: { workspaceId, contactId: anna.id, channelKind: 'webchat', address: `visitor-${tag}`, verifiedAt: new Date('2026-11-02T10:00:00Z') } });
  await db.identityClaim.create({ data: { workspaceId, contactId: anna.id, field: 'email', value: anna.email!, channelKind: 'webchat', reason: 'typed into the website chat' } });
  const earlier = await db.contact.create({ data: { workspaceId, name: 'A. Lee', mergedIntoId: anna.id } });
  const conversationIds = [
    await conversationWith(db, { workspaceId, channelId: email.id, contactId: ann.id, assigneeId: opts.assigneeId, texts: ['Invoice question', 'Any news?'], subject: 'Invoice' }),
    await conversationWith(db, { workspaceId, channelId: sms.id, contactId: ann.id, assigneeId: opts.assigneeId, texts: ['Call me'], subject: 'SMS' }),
    await conversationWith(db, { workspaceId, channelId: webchat.id, contactId: anna.id, assigneeId: opts.assigneeId, texts: ['Hi from the website', 'Still there?'], subject: 'Chat' }),
    await conversationWith(db, { workspaceId, channelId: email.id, contactId: anna.id, assigneeId: opts.assigneeId, texts: ['Second address'], subject: 'Other email' }),
  ];
  return { annId: ann.id, annaId: anna.id, earlierId: earlier.id, conversationIds };
}
