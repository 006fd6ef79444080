// The customer_360 migration on a database that already has contacts: every workspace gets the
// default stages plus any stage its contacts carry, the attribute keys they carry become typed
// definitions (a number kept under a text one becomes its text), and lastContactAt is their newest conversation's activity; afterwards the trigger
// keeps it, also when a conversation moves to another contact.
import { afterAll, describe, expect, it } from 'vitest';
import { migrationDb } from '../../support/migration-db.ts';

const db = migrationDb('20261204140000_customer_360', 'c360');
const sql = db.sql;

describe('the customer_360 migration', () => {
  afterAll(() => db.drop());

  it('seeds stages and attribute definitions from what contacts carry, and backfills the last contact', async () => {
    await db.migrateBefore();
    await sql(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('w1', 'W', 'w', now()), ('w2', 'Empty', 'e', now())`);
    await sql(`INSERT INTO "Channel" (id, "workspaceId", kind, name, address, "updatedAt") VALUES ('ch', 'w1', 'email', 'E', 'e@x', now())`);
    await sql(`INSERT INTO "Contact" (id, "workspaceId", "lifecycleStage", attributes, "createdAt", "updatedAt") VALUES
      ('c1', 'w1', 'customer', '{"seats": 3, "plan": "pro"}', '2026-01-01', now()),
      ('c2', 'w1', 'interest', '{"seats": 5, "plan": 7}', '2026-01-02', now()),
      ('c3', 'w1', NULL, '{}', '2026-01-03', now())`);
    await sql(`INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", "lastMessageAt", "updatedAt") VALUES
      ('v1', 'w1', 1, 'ch', 'c1', '2026-03-01', now()), ('v2', 'w1', 2, 'ch', 'c1', '2026-05-01', now())`);

    await db.migrateRest();

    const stages = await sql<{ workspaceId: string; name: string; position: number }>(`SELECT "workspaceId", name, position FROM "LifecycleStage" ORDER BY "workspaceId", position`);
    expect(stages.filter((s) => s.workspaceId === 'w1').map((s) => s.name)).toEqual(['attraction', 'interest', 'evaluation', 'purchase', 'loyalty', 'customer']);
    expect(stages.filter((s) => s.workspaceId === 'w2').map((s) => s.name)).toEqual(['attraction', 'interest', 'evaluation', 'purchase', 'loyalty']);
    expect(await sql(`SELECT key, type FROM "AttributeDefinition" ORDER BY key`)).toEqual([
      { key: 'plan', type: 'text' },
      { key: 'seats', type: 'number' },
    ]);
    expect(await sql(`SELECT id, attributes FROM "Contact" WHERE id IN ('c1', 'c2') ORDER BY id`)).toEqual([
      { id: 'c1', attributes: { seats: 3, plan: 'pro' } },
      { id: 'c2', attributes: { seats: 5, plan: '7' } },
    ]);
    const last = await sql<{ id: string; at: string }>(`SELECT id, to_char("lastContactAt", 'YYYY-MM-DD') AS at FROM "Contact" ORDER BY id`);
    expect(last).toEqual([
      { id: 'c1', at: '2026-05-01' },
      { id: 'c2', at: '2026-01-02' },
      { id: 'c3', at: '2026-01-03' },
    ]);

    // From now on the trigger keeps it: a newer message, and a conversation moved to another contact.
    await sql(`UPDATE "Conversation" SET "lastMessageAt" = '2026-06-01' WHERE id = 'v1'`);
    await sql(`UPDATE "Conversation" SET "contactId" = 'c3' WHERE id = 'v1'`);
    expect(await sql(`SELECT id, to_char("lastContactAt", 'YYYY-MM-DD') AS at FROM "Contact" WHERE id IN ('c1', 'c3') ORDER BY id`)).toEqual([
      { id: 'c1', at: '2026-05-01' },
      { id: 'c3', at: '2026-06-01' },
    ]);
  });
});
