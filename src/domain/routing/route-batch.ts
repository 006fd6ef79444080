// Routes many conversations in one transaction: lock them, lock the workspace's agents and read
// their loads (the AgentLoad counters) once, decide every conversation in order against that
// snapshot (decideBatch, the same policy as one at a time), write all decisions in one statement,
// commit, then publish. Capacity holds across processes because the agents stay locked from the
// load read to commit. Seven round trips per batch (BEGIN to COMMIT): on a busy machine each costs
// milliseconds whatever it does, so reads and writes are grouped into as few statements as possible.
import type pg from 'pg';
import type { Deps } from '../../deps.ts';
import { sqlRows, sqlTransaction } from '../../db/sql.ts';
import type { RouteOutcome } from './after-routing.ts';
import { capacityWeights } from './capacity.ts';
import { decideBatch, type Decision, type RoutingQueue } from './decide-batch.ts';
import { defaultWorkflow, GENERAL_QUEUE } from './load-workflow.ts';
import { publishAssignments } from './publish-assignments.ts';
import { lockConversations, lockRoutingSnapshot } from './routing-snapshot.ts';
import { newId } from '../../db/new-id.ts';
import { workflowSchema } from './workflow-schema.ts';
import { writeDecisions } from './write-decisions.ts';

export interface RouteRequest {
  conversationId: string;
  /** An escalation's target step. */
  step?: number;
}

/** `requested`: wait for conversations another writer holds; `waiting` (the drain): skip them. */
export async function routeBatch(deps: Deps, requests: readonly RouteRequest[], mode: 'requested' | 'waiting' = 'requested'): Promise<RouteOutcome[]> {
  const outcomes = await commitBatch(deps, requests, mode);
  await publishAssignments(deps, outcomes);
  return outcomes;
}

/**
 * The decisions, committed, not yet published (publishAssignments): a caller may start the next
 * batch while this one's publishing runs, since publishing holds no lock.
 */
export async function commitBatch(deps: Deps, requests: readonly RouteRequest[], mode: 'requested' | 'waiting' = 'requested'): Promise<RouteOutcome[]> {
  if (requests.length === 0) return [];
  const now = deps.clock.now();
  return sqlTransaction(deps.db, async (client) => {
    const rows = await lockConversations(client, [...new Set(requests.map((r) => r.conversationId))], mode);
    const decided = new Map<string, Decision>();
    const names = new Map<string, string>();
    for (const workspaceId of new Set(rows.map((r) => r.workspaceId))) {
      const { workflow, queues, weights } = await settingsOf(client, workspaceId);
      const since = new Date(now.getTime() - workflow.lastAgentWindowHours * 3_600_000);
      const snapshot = await lockRoutingSnapshot(client, { workspaceId, rows: rows.filter((r) => r.workspaceId === workspaceId), weights, now, since });
      const candidates = snapshot.agents;
      for (const a of candidates) names.set(a.agentId, a.name);
      const convs = new Map(snapshot.conversations.map((c) => [c.id, c]));
      const seen = new Set<string>();
      const batch = requests.flatMap((r) => {
        const conv = convs.get(r.conversationId);
        if (!conv || seen.has(conv.id)) return [];
        seen.add(conv.id);
        return [{ conv, step: r.step }];
      });
      for (const d of decideBatch({ requests: batch, workflow, weights, candidates, queueByName: (n) => queueNamed(queues, n), now })) decided.set(d.kind === 'skip' ? d.conversationId : d.conv.id, d);
    }
    const order = requests.map((r, i): Decision => {
      const d = decided.get(r.conversationId);
      const first = requests.findIndex((x) => x.conversationId === r.conversationId) === i;
      if (!d) return { kind: 'skip', conversationId: r.conversationId, reason: mode === 'waiting' ? 'being routed elsewhere' : 'conversation not found' };
      return first ? d : { kind: 'skip', conversationId: r.conversationId, reason: 'routed in the same batch' };
    });
    return writeDecisions(client, order, names, now);
  });
}

// The workspace's routing settings in one round trip: its workflow, queues and capacity weights.
const settingsRow = {
  name: 'routing-settings',
  text: `SELECT (SELECT definition FROM "RoutingWorkflow" WHERE "workspaceId" = $1) AS workflow,
           (SELECT "capacityWeights" FROM "Workspace" WHERE id = $1) AS weights,
           COALESCE((SELECT json_agg(json_build_object('id', id, 'name', name, 'teamId', "teamId", 'mode', mode, 'offerTimeoutSeconds', "offerTimeoutSeconds"))
             FROM "Queue" WHERE "workspaceId" = $1), '[]'::json) AS queues`,
};
const ensureGeneral = {
  name: 'routing-ensure-general',
  text: `INSERT INTO "Queue" (id, "workspaceId", name, "updatedAt") VALUES ($1, $2, $3, now()) ON CONFLICT ("workspaceId", name) DO NOTHING`,
};

/** The General queue (every default workflow's) is made on first need, then read again. */
async function settingsOf(client: pg.PoolClient, workspaceId: string) {
  const read = async () => (await sqlRows<{ workflow: unknown; weights: unknown; queues: RoutingQueue[] }>(client, settingsRow, [workspaceId]))[0]!;
  let row = await read();
  if (!row.queues.some((q) => q.name === GENERAL_QUEUE)) {
    await sqlRows(client, ensureGeneral, [newId(), workspaceId, GENERAL_QUEUE]);
    row = await read();
  }
  return { workflow: row.workflow ? workflowSchema.parse(row.workflow) : defaultWorkflow, queues: row.queues, weights: capacityWeights(row.weights) };
}

function queueNamed(queues: readonly RoutingQueue[], name: string): RoutingQueue {
  const queue = queues.find((q) => q.name === name);
  if (!queue) throw new Error(`routing workflow names queue "${name}", which does not exist`);
  return queue;
}
