// The supervisor board's aggregates in plain SQL: each one a GROUP BY that returns a handful of
// rows (per queue and priority, per agent and channel kind), never the conversations themselves,
// so the board costs what it shows rather than what the workspace holds. Timestamps come back as
// epoch milliseconds (Prisma keeps them as UTC `timestamp`, which pg would read in local time).
import type { Db } from '../../db/client.ts';
import type { Agent } from '../../db/model-types.ts';
import { sqlRows } from '../../db/sql.ts';
import { agentWorkSql } from './agent-work-sql.ts';
import type { Candidate } from './pick-agent.ts';

// The statements are exported for test/bench/explain.ts.
export const waitingStatement = {
  name: 'board-waiting',
  text: `SELECT "queueId", priority::text AS priority, count(*)::int AS n,
                  round(extract(epoch FROM min("queuedAt")) * 1000)::float8 AS "oldestMs"
           FROM "Conversation"
           WHERE "workspaceId" = $1 AND status = 'open' AND "assigneeId" IS NULL AND "queueId" IS NOT NULL
           GROUP BY "queueId", priority`,
};

export const slaRiskStatement = {
  name: 'board-sla-risk',
  text: `SELECT "queueId", (count(*) FILTER (WHERE NOT breached))::int AS "atRisk", (count(*) FILTER (WHERE breached))::int AS breached
           FROM (
             SELECT c."queueId", bool_or(k.status = 'breached') AS breached
             FROM "SlaClock" k JOIN "Conversation" c ON c.id = k."conversationId"
             WHERE k."workspaceId" = $1 AND k.status IN ('running', 'breached')
               AND ((k.status = 'running' AND k."warnedAt" IS NOT NULL) OR (k.status = 'breached' AND k."metAt" IS NULL))
               AND c."workspaceId" = $1 AND c.status <> 'resolved' AND c."queueId" IS NOT NULL
             GROUP BY c.id, c."queueId"
           ) per_conversation
           GROUP BY "queueId"`,
};

// From the counters routing reads (agent-work-sql.ts), through the workspace's agents: not a
// count of every open assigned conversation, which grew with the workspace (20,000 rows at 100k).
export const workByAgentStatement = {
  name: 'board-work-by-agent',
  text: `SELECT "agentId", kind, sum(n)::int AS n, sum(assigned)::int AS assigned FROM (
           ${agentWorkSql({ from: `"Agent" a JOIN "AgentLoad" l ON l."agentId" = a.id`, agents: `a."workspaceId" = $1`, workspace: '$1', now: '$2' })}
         ) work
         GROUP BY 1, 2`,
};

export const agentsStatement = {
  name: 'board-agents',
  text: `SELECT a.id, a.name, a.role::text AS role, a.presence::text AS presence, a.capacity,
                  coalesce((SELECT json_agg(json_build_object('name', s.name, 'level', ak.level))
                            FROM "AgentSkill" ak JOIN "Skill" s ON s.id = ak."skillId" WHERE ak."agentId" = a.id), '[]') AS skills,
                  coalesce((SELECT array_agg(tm."teamId") FROM "TeamMember" tm WHERE tm."agentId" = a.id), '{}') AS "teamIds"
           FROM "Agent" a
           WHERE a."workspaceId" = $1 AND a.active
           ORDER BY a.name`,
};

/** Waiting conversations (open, nobody assigned, in a queue) per queue and priority, with the oldest queuedAt. */
export async function waitingCounts(db: Db, workspaceId: string): Promise<{ queueId: string; priority: string; n: number; oldestMs: number | null }[]> {
  return sqlRows(db, waitingStatement, [workspaceId]);
}

/**
 * Unresolved queued conversations with an SLA clock warned or breached (and not met since), per
 * queue: breached if any of its clocks is, at risk otherwise.
 */
export async function slaRiskCounts(db: Db, workspaceId: string): Promise<{ queueId: string; atRisk: number; breached: number }[]> {
  return sqlRows(db, slaRiskStatement, [workspaceId]);
}

/**
 * Open work per agent and channel kind, as routing reads load (routing-snapshot.ts): assigned
 * conversations (the counters) plus live offers; `assigned` is the assigned part alone.
 */
export async function workByAgent(db: Db, workspaceId: string, now: Date): Promise<{ agentId: string; kind: string; n: number; assigned: number }[]> {
  return sqlRows(db, workByAgentStatement, [workspaceId, now.toISOString()]);
}

export interface BoardAgentRow {
  id: string;
  name: string;
  role: Agent['role'];
  presence: Agent['presence'];
  capacity: number;
  skills: { name: string; level: number }[];
  teamIds: string[];
}

/** Active agents by name, with what routing's requirements look at (skills, teams). */
export async function boardAgents(db: Db, workspaceId: string): Promise<BoardAgentRow[]> {
  return sqlRows(db, agentsStatement, [workspaceId]);
}

/** An agent as requirement matching sees it (meetsRequirement reads teams and skills only). */
export function asCandidate(a: BoardAgentRow, load: number): Candidate {
  return {
    agentId: a.id,
    online: a.presence === 'online',
    capacity: a.capacity,
    load,
    skills: new Map(a.skills.map((s) => [s.name, s.level])),
    teamIds: a.teamIds,
    lastAssignedAt: null,
  };
}
