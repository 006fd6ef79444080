// A manual assignment takes its rows in the routers' order: the conversation, the new assignee's
// agent row, then the load counters (AgentLoad, kept by triggers on Conversation). It took the
// counters before the agent, and deadlocked with a routing batch holding that agent: one of them
// was aborted (here the transfer, answered 503, its events never sent; seen as a flaky api test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poolOf } from '../../../src/db/client.ts';
import { startHarness, type Harness } from '../../support/harness.ts';

describe('a manual assignment beside a routing batch', () => {
  let h: Harness;
  let admin: string;
  beforeAll(async () => {
    h = await startHarness();
    admin = await h.login(h.workspace.agents[0]!.email);
  });
  afterAll(async () => {
    await h?.close();
  });

  const newConversation = async (from: string, subject: string) => h.conversationFor(await h.sendCustomerMail({ from, subject, text: `About ${subject}` }));

  it('waits for the router holding the agent and then succeeds, with no deadlock', async () => {
    const [, ada, bob] = h.workspace.agents;
    const team = h.workspace.teams.get('Support')!;
    const moved = await newConversation('transfer@example.com', 'Move me');
    const routed = await newConversation('routed@example.com', 'Route me');
    expect((await h.api(admin, 'POST', `/api/conversations/${moved}/assign`, { teamId: team, assigneeId: ada!.id })).status).toBe(200);
    // A router's batch, by hand: the agents locked first (as routing-lock-agents does), then, a
    // moment later, a conversation assigned to Bob (the trigger updates Bob's counter).
    const router = await poolOf(h.testDb.db).connect();
    try {
      await router.query('BEGIN');
      await router.query('SELECT id FROM "Agent" WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE', [[ada!.id, bob!.id]]);
      const transfer = h.api(admin, 'POST', `/api/conversations/${moved}/assign`, { assigneeId: bob!.id });
      await new Promise((r) => setTimeout(r, 500));
      await router.query('UPDATE "Conversation" SET "assigneeId" = $1 WHERE id = $2', [bob!.id, routed]);
      await new Promise((r) => setTimeout(r, 1_500)); // past deadlock_timeout (1 s): a cycle would have been broken by now
      await router.query('COMMIT');
      const res = await transfer;
      expect(res.status).toBe(200);
      expect(res.body.assignee?.id).toBe(bob!.id);
    } finally {
      router.release();
    }
    const loads = await h.testDb.db.agentLoad.findMany({ where: { agentId: bob!.id } });
    expect(loads.reduce((n, l) => n + l.assigned, 0)).toBe(2);
  });
});
