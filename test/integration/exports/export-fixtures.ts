// A small workspace history with every awkward value an export must carry: commas, quotes,
// newlines and unicode, texts a spreadsheet would run as formulas, an erased contact (whose row
// still holds a stale address), a merged contact, and another workspace that must not leak in.
import type { Harness } from '../../support/harness.ts';

const at = (s: string) => new Date(s);

export async function seedExportFixtures(h: Harness) {
  const db = h.testDb.db;
  const workspaceId = h.workspace.workspace.id;
  const channelId = h.workspace.channels[0]!.id;
  const ada = h.workspace.agents[1]!;
  const supportTeamId = h.workspace.teams.get('Support')!;
  const contact = (id: string, created: string, data: Record<string, unknown>) =>
    db.contact.create({ data: { id, workspaceId, createdAt: at(created), updatedAt: at(created), ...data } });
  await db.organisation.create({ data: { id: 'exp-acme', workspaceId, name: 'Acme, Inc.' } });
  await contact('exp-k1', '2026-11-01T10:00:00Z', { name: 'Smith, "Jo"', email: 'jo@example.com', tags: ['vip', 'a,b'], attributes: { plan: 'gold' }, organisationId: 'exp-acme', ownerId: ada.id });
  await contact('exp-k2', '2026-11-02T10:00:00Z', { name: 'Zoë 日本 ✓\nsecond line', phone: '+4930123456', tier: '=1+2' });
  await contact('exp-k3', '2026-11-03T10:00:00Z', { name: '@SUM(A1)', lifecycleStage: '-lead' });
  await contact('exp-k4', '2026-11-04T10:00:00Z', { name: 'Erased contact', email: 'stale@example.com', erasedAt: at('2026-11-05T00:00:00Z'), organisationId: 'exp-acme' });
  await contact('exp-k5', '2026-11-06T10:00:00Z', { name: 'Jo again', mergedIntoId: 'exp-k1' });
  await db.contactIdentity.create({ data: { workspaceId, contactId: 'exp-k1', channelKind: 'email', address: 'jo@example.com' } });

  const conversation = (id: string, number: number, contactId: string, created: string, data: Record<string, unknown> = {}) =>
    db.conversation.create({ data: { id, number, workspaceId, channelId, contactId, createdAt: at(created), lastMessageAt: at(created), ...data } });
  await conversation('exp-c1', 1, 'exp-k1', '2026-11-10T09:00:00Z', { subject: 'Refund, please', tags: ['billing'], assigneeId: ada.id, teamId: supportTeamId, messageCount: 2, firstResponseAt: at('2026-11-10T09:05:00Z') });
  await conversation('exp-c2', 2, 'exp-k4', '2026-11-12T09:00:00Z', { status: 'resolved', statusKey: 'resolved', resolvedAt: at('2026-11-13T09:00:00Z'), contentErasedAt: at('2026-11-14T00:00:00Z'), messageCount: 1 });
  await conversation('exp-c3', 3, 'exp-k2', '2026-11-20T09:00:00Z', { status: 'pending', statusKey: 'pending', priority: 'high' });
  const message = (id: string, conversationId: string, created: string, data: Record<string, unknown>) =>
    db.message.create({ data: { id, workspaceId, channelId, conversationId, createdAt: at(created), ...data } as never });
  await message('exp-m1', 'exp-c1', '2026-11-10T09:00:00Z', { direction: 'in', authorContactId: 'exp-k1', text: 'Hi "team",\nwhere is my refund?' });
  await message('exp-m2', 'exp-c1', '2026-11-10T09:05:00Z', { direction: 'out', authorAgentId: ada.id, text: '=cmd|calc', deliveryStatus: 'sent', sentAt: at('2026-11-10T09:05:01Z') });
  await message('exp-m3', 'exp-c2', '2026-11-12T09:00:00Z', { direction: 'in', authorContactId: 'exp-k4', text: '' });

  // Another workspace with a contact and a conversation of its own.
  const other = await db.workspace.create({ data: { name: 'Other', slug: `other-${workspaceId}` } });
  const otherChannel = await db.channel.create({ data: { workspaceId: other.id, kind: 'email', name: 'Other help', address: `help-${workspaceId}@other.test` } });
  await db.contact.create({ data: { id: 'exp-o1', workspaceId: other.id, name: 'Not yours' } });
  await db.conversation.create({ data: { id: 'exp-o-c1', number: 1, workspaceId: other.id, channelId: otherChannel.id, contactId: 'exp-o1', subject: 'Not yours either' } });
  return { ada };
}
