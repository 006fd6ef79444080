// The agent_load migration on a database that already has assigned conversations: the counters
// start from a count of the open assigned ones per agent and channel (pending, resolved and
// unassigned ones are not load), and the triggers keep them from then on.
import { afterAll, describe, expect, it } from 'vitest';
import { migrationDb } from '../../support/migration-db.ts';

const db = migrationDb('20261206110000_agent_load', 'load');
const sql = db.sql;

describe('the agent_load migration', () => {
  afterAll(() => db.drop());

  it('backfills the counters from the open assigned conversations, then the triggers keep them', async () => {
    await db.migrateBefore();
    await sql(`INSERT INTO "Workspace" (id, name, slug, "updatedAt") VALUES ('w1', 'W', 'w', now())`);
    await sql(`INSERT INTO "Channel" (id, "workspaceId", kind, name, address, "updatedAt") VALUES ('e', 'w1', 'email', 'E', 'e@x', now()), ('s', 'w1', 'sms', 'S', '+1', now())`);
    await sql(`INSERT INTO "Agent" (id, "workspaceId", email, name, "updatedAt") VALUES ('a1', 'w1', 'a1@x', 'A1', now()), ('a2', 'w1', 'a2@x', 'A2', now())`);
    await sql(`INSERT INTO "Contact" (id, "workspaceId", "updatedAt") VALUES ('k', 'w1', now())`);
    await sql(`INSERT INTO "Conversation" (id, "workspaceId", number, "channelId", "contactId", status, "assigneeId", "updatedAt") VALUES
      ('v1', 'w1', 1, 'e', 'k', 'open', 'a1', now()), ('v2', 'w1', 2, 'e', 'k', 'open', 'a1', now()), ('v3', 'w1', 3, 's', 'k', 'open', 'a1', now()),
      ('v4', 'w1', 4, 'e', 'k', 'pending', 'a2', now()), ('v5', 'w1', 5, 'e', 'k', 'resolved', 'a2', now()), ('v6', 'w1', 6, 'e', 'k', 'open', NULL, now())`);

    await db.migrateRest();

    const counters = () => sql(`SELECT "agentId", "channelId", assigned FROM "AgentLoad" WHERE assigned <> 0 ORDER BY 1, 2`);
    expect(await counters()).toEqual([
      { agentId: 'a1', channelId: 'e', assigned: 2 },
      { agentId: 'a1', channelId: 's', assigned: 1 },
    ]);
    await sql(`UPDATE "Conversation" SET status = 'open' WHERE id = 'v4'`);
    await sql(`UPDATE "Conversation" SET "assigneeId" = 'a2' WHERE id IN ('v1', 'v6')`);
    expect(await counters()).toEqual([
      { agentId: 'a1', channelId: 'e', assigned: 1 },
      { agentId: 'a1', channelId: 's', assigned: 1 },
      { agentId: 'a2', channelId: 'e', assigned: 3 },
    ]);
  });
});
