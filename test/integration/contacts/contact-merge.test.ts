// Merging two contacts by hand and undoing it: the agent chooses the conflicting values, every
// identity, conversation, message, claim and earlier-merged contact moves to the survivor in one
// transaction, and the undo gives back every row of every table exactly as it was. Refusals:
// another workspace's contact (404), an unresolved conflict (422), after 30 days or when a later
// merge depends on it (409). Real Postgres, the app over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.ts';
import { createWorkspace } from '../../../src/seed/create-workspace.ts';
import { startHarness, PASSWORD, type Harness } from '../../support/harness.ts';
import { seedMergePair, tableRows } from '../../support/merge-fixtures.ts';
import { testPasswords } from '../../support/passwords.ts';

const DAY = 86_400_000;

describe('merging contacts by hand, and undoing it', () => {
  const clock = fixedClock(new Date('2026-12-01T09:00:00Z'));
  let h: Harness;
  let admin: string;

  beforeAll(async () => {
    h = await startHarness({ clock });
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const choices = { fields: { name: 'merged', email: 'survivor', lifecycleStage: 'survivor' }, attributes: { plan: 'merged' } };

  it('merges with the chosen values and moves everything, then the undo restores every row of every table exactly', async () => {
    const pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'exact', assigneeId: h.workspace.agents[0]!.id });
    const before = await tableRows(h.testDb.db);

    const preview = await h.api(admin, 'GET', `/api/contacts/${pair.annId}/merge-preview?otherId=${pair.annaId}`);
    expect(preview.status).toBe(200);
    const conflicts = (list: { key: string; conflict: boolean }[]) => list.filter((f) => f.conflict).map((f) => f.key);
    expect(conflicts(preview.body.comparison.fields)).toEqual(['name', 'email', 'lifecycleStage']);
    expect(conflicts(preview.body.comparison.attributes)).toEqual(['plan']);
    expect(preview.body.moves).toEqual({ 'Contact (merged earlier)': 1, ContactIdentity: 2, Conversation: 2, IdentityClaim: 1, Message: 3 });

    const unresolved = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices: { fields: { name: 'merged' } } });
    expect(unresolved.status).toBe(422);
    expect(unresolved.body.error.details.map((d: { path: string }) => d.path)).toEqual(['choices.fields.email', 'choices.fields.lifecycleStage', 'choices.attributes.plan']);
    expect(await tableRows(h.testDb.db)).toEqual(before);

    const merged = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices });
    expect(merged.status).toBe(200);
    expect(merged.body.moved).toEqual(preview.body.moves);

    const ann = await h.testDb.db.contact.findUniqueOrThrow({ where: { id: pair.annId } });
    expect(ann).toMatchObject({ name: 'Anna Lee exact', email: 'ann.lee.exact@example.test', phone: '+351910000001', tier: 'gold', lifecycleStage: 'customer', mergedIntoId: null });
    expect(ann.tags.sort()).toEqual(['billing', 'chat', 'vip']);
    expect(ann.attributes).toEqual({ plan: 'free', city: 'Lisbon', language: 'pt' });
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: pair.annaId } })).toMatchObject({ mergedIntoId: pair.annId });
    expect(await h.testDb.db.contact.findUniqueOrThrow({ where: { id: pair.earlierId } })).toMatchObject({ mergedIntoId: pair.annId });
    const panel = await h.api(admin, 'GET', `/api/contacts/${pair.annId}`);
    expect(panel.body.identities.map((i: { channelKind: string }) => i.channelKind).sort()).toEqual(['email', 'email', 'sms', 'webchat']);
    expect(panel.body.conversations.map((c: { id: string }) => c.id).sort()).toEqual([...pair.conversationIds].sort());
    expect(await h.testDb.db.message.count({ where: { authorContactId: pair.annId } })).toBe(6);
    expect(await h.testDb.db.identityClaim.count({ where: { contactId: pair.annId } })).toBe(1);

    const history = await h.api(admin, 'GET', `/api/contacts/${pair.annId}/merges`);
    expect(history.body.items).toMatchObject([{ id: merged.body.mergeId, mergedId: pair.annaId, reason: 'merged by hand', actor: 'Alex Admin', undoable: true, undoBlockedBy: null, undoUntil: '2026-12-31T09:00:00.000Z' }]);

    clock.advance(2 * DAY);
    // Sessions lapse while idle: log in again at the new time.
    admin = await h.login(h.workspace.agents[0]!.email);
    const undone = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merges/${merged.body.mergeId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ mergeId: merged.body.mergeId, survivorId: pair.annId, mergedId: pair.annaId, restored: 9 });
    expect(await tableRows(h.testDb.db)).toEqual(before);

    const audit = await h.testDb.db.auditEvent.findMany({ where: { targetId: pair.annId, action: { startsWith: 'contact.merge' } }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorAgentId, a.contactId])).toEqual([
      ['contact.merge', h.workspace.agents[0]!.id, pair.annId],
      ['contact.merge_undone', h.workspace.agents[0]!.id, pair.annId],
    ]);
    const again = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merges/${merged.body.mergeId}/undo`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe('This merge was already undone on 2026-12-03');
  });

  it('restores a Contact column this code does not know (one added by a later migration) from the snapshot', async () => {
    await h.testDb.db.$executeRawUnsafe(`ALTER TABLE "Contact" ADD COLUMN "organisationRef" TEXT, ADD COLUMN "score" INTEGER NOT NULL DEFAULT 0`);
    try {
      const pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'cols', assigneeId: h.workspace.agents[0]!.id });
      await h.testDb.db.$executeRawUnsafe(`UPDATE "Contact" SET "organisationRef" = 'org-' || "id", "score" = 7 WHERE "id" IN ($1, $2)`, pair.annId, pair.annaId);
      const before = await tableRows(h.testDb.db);
      const merged = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices });
      expect(merged.status).toBe(200);
      // A later change to the new column, which the undo must take back too.
      await h.testDb.db.$executeRawUnsafe(`UPDATE "Contact" SET "organisationRef" = 'changed', "score" = 99 WHERE "id" IN ($1, $2)`, pair.annId, pair.annaId);
      const snapshot = (await h.testDb.db.contactMerge.findUniqueOrThrow({ where: { id: merged.body.mergeId } })).snapshot as { survivor: Record<string, unknown> };
      expect(snapshot.survivor).toMatchObject({ organisationRef: `org-${pair.annId}`, score: 7 });
      expect((await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merges/${merged.body.mergeId}/undo`)).status).toBe(200);
      expect(await tableRows(h.testDb.db)).toEqual(before);
    } finally {
      await h.testDb.db.$executeRawUnsafe(`ALTER TABLE "Contact" DROP COLUMN "organisationRef", DROP COLUMN "score"`);
    }
  });

  it('refuses the undo after 30 days, saying why', async () => {
    const pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'late', assigneeId: h.workspace.agents[0]!.id });
    const merged = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices });
    expect(merged.status).toBe(200);
    clock.advance(30 * DAY + 60_000);
    const token = await h.login(h.workspace.agents[0]!.email);
    const late = await h.api(token, 'POST', `/api/contacts/${pair.annId}/merges/${merged.body.mergeId}/undo`);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/^A merge can only be undone within 30 days; this one was made on 2026-12-03$/);
    expect((await h.api(token, 'GET', `/api/contacts/${pair.annId}/merges`)).body.items[0]).toMatchObject({ undoable: false, undoBlockedBy: late.body.error.message });
    admin = token;
  });

  it('refuses to undo a merge a later merge depends on, until that one is undone', async () => {
    const pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'chain', assigneeId: h.workspace.agents[0]!.id });
    const before = await tableRows(h.testDb.db);
    const third = await h.testDb.db.contact.create({ data: { workspaceId: h.workspace.workspace.id, name: 'Lee Household' } });
    const first = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices });
    const second = await h.api(admin, 'POST', `/api/contacts/${third.id}/merge`, { otherId: pair.annId, choices: { fields: { name: 'survivor' } } });
    expect(second.status).toBe(200);
    const blocked = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merges/${first.body.mergeId}/undo`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toContain('depends on this one: undo that merge first');
    expect((await h.api(admin, 'POST', `/api/contacts/${third.id}/merges/${second.body.mergeId}/undo`)).status).toBe(200);
    expect((await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merges/${first.body.mergeId}/undo`)).status).toBe(200);
    const after = await tableRows(h.testDb.db);
    expect({ ...after, Contact: after.Contact!.filter((c) => (c as { id: string }).id !== third.id) }).toEqual(before);
  });

  it('refuses contacts of another workspace as not found, a merged contact and a contact with itself', async () => {
    const other = await createWorkspace({ db: h.testDb.db, passwords: testPasswords }, { name: 'Other', slug: 'other-merge', agents: [{ email: "boss@other-merge.test", name: "Boss", role: "admin", password: PASSWORD }], channels: [] });
    const stranger = await h.testDb.db.contact.create({ data: { workspaceId: other.workspace.id, name: 'Ann Lee exact', email: 'ann.lee.exact@example.test' } });
    const pair = await seedMergePair(h.testDb.db, h.workspace.workspace.id, { tag: 'xws', assigneeId: h.workspace.agents[0]!.id });
    const before = await tableRows(h.testDb.db);
    for (const [path, body] of [
      [`/api/contacts/${pair.annId}/merge`, { otherId: stranger.id }],
      [`/api/contacts/${stranger.id}/merge`, { otherId: pair.annId }],
      [`/api/contacts/${pair.annId}/duplicates/dismiss`, { otherId: stranger.id }],
    ] as const) {
      const res = await h.api(admin, 'POST', path, body);
      expect(res.status, path).toBe(404);
    }
    expect((await h.api(admin, 'GET', `/api/contacts/${pair.annId}/merge-preview?otherId=${stranger.id}`)).status).toBe(404);
    const boss = await h.login('boss@other-merge.test');
    expect((await h.api(boss, 'GET', `/api/contacts/${pair.annId}/merges`)).status).toBe(404);
    // Their own contact has the same name and email as Ann, but Ann is not theirs to be told about.
    expect((await h.api(boss, 'GET', `/api/contacts/${stranger.id}/duplicates`)).body).toEqual({ items: [] });
    expect(await tableRows(h.testDb.db)).toEqual(before);

    expect((await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annId })).status).toBe(422);
    const merged = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.earlierId });
    expect(merged.status).toBe(409);
    expect(merged.body.error.message).toBe('A. Lee was already merged into another contact');
    const typo = await h.api(admin, 'POST', `/api/contacts/${pair.annId}/merge`, { otherId: pair.annaId, choices: { ...choices, fields: { ...choices.fields, nmae: 'merged' } } });
    expect(typo.status).toBe(422);
    expect(typo.body.error.message).toBe('choices.fields.nmae: nmae is not a conflicting field of these two contacts');
  });
});
