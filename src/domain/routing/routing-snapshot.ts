// What a batch decision reads, in plain SQL inside the batch's transaction: the conversations
// (locked), the workspace's agents (locked, so no other router changes their load before this
// batch commits), then in one statement their loads and the conversations' routing facts and last
// agents, read under that lock.
// Timestamps are read and written as UTC explicitly: the columns are `timestamp` without zone.
import type pg from 'pg';
import { asChannelKind } from '../../../channels/registry.ts';
import { sqlRows } from '../../db/sql.ts';
import { agentWorkSql } from './agent-work-sql.ts';
import { costOf, type CapacityWeights } from './capacity.ts';
import type { RoutingConversation } from './decide-batch.ts';
import type { Candidate } from './pick-agent.ts';

interface ConversationRow {
  id: string; workspaceId: string; contactId: string; status: string; assigneeId: string | null; offeredAgentId: string | null;
  offerExpiresAt: Date | null; routingStep: number | null; queueId: string | null; queuedAt: Date | null; teamId: string | null;
  declinedAgentIds: string[] | null; language: string | null; tags: string[] | null; priority: RoutingConversation['facts']['priority'];
  attributes: Record<string, unknown> | null; lastMessageAt: Date; channelKind: string; tier: string | null; contactTags: string[] | null;
}

const conversationColumns = `c.id, c."workspaceId", c."contactId", c.status::text AS status, c."assigneeId", c."offeredAgentId",
  c."offerExpiresAt" AT TIME ZONE 'UTC' AS "offerExpiresAt", c."routingStep", c."queueId", c."queuedAt" AT TIME ZONE 'UTC' AS "queuedAt",
  c."teamId", c."declinedAgentIds", c.language, c.tags, c.priority::text AS priority, c.attributes,
  c."lastMessageAt" AT TIME ZONE 'UTC' AS "lastMessageAt", ch.kind AS "channelKind", k.tier, k.tags AS "contactTags"
  FROM "Conversation" c JOIN "Channel" ch ON ch.id = c."channelId" JOIN "Contact" k ON k.id = c."contactId"
  WHERE c.id = ANY($1::text[]) ORDER BY c.id`;

// Requested conversations wait for a lock another writer holds (the request must not be lost);
// the waiting-list drain skips them (the holder is deciding them, or the next drain will).
const lockRequested = { name: 'routing-lock-requested', text: `SELECT ${conversationColumns} FOR UPDATE OF c` };
const lockWaiting = { name: 'routing-lock-waiting', text: `SELECT ${conversationColumns} FOR UPDATE OF c SKIP LOCKED` };

// Everything a batch reads once its agents are locked, in one round trip (each part as one JSON
// array): the first inbound message of each conversation, the last replying agent of each contact,
// each conversation's latest other assigned conversation of the same contact (times as epoch ms),
// and the locked agents' loads (agent-work-sql.ts, as the board counts them). Read after the lock,
// in a statement of its own (read committed: a new snapshot), so a router that held those agents
// has committed its assignments and counters.
const afterLock = {
  name: 'routing-after-lock',
  text: `SELECT
    (SELECT COALESCE(json_agg(f), '[]'::json) FROM (
       SELECT DISTINCT ON (m."conversationId") m."conversationId", m.text, m.subject FROM "Message" m
       WHERE m."conversationId" = ANY($1::text[]) AND m.direction = 'in' AND m.kind = 'message'
       ORDER BY m."conversationId", m."createdAt" ASC) f) AS first,
    (SELECT COALESCE(json_agg(r), '[]'::json) FROM (
       SELECT DISTINCT ON (c."contactId") c."contactId", m."authorAgentId" FROM "Message" m JOIN "Conversation" c ON c.id = m."conversationId"
       WHERE c."contactId" = ANY($3::text[]) AND m.direction = 'out' AND m.kind = 'message' AND m."authorAgentId" IS NOT NULL
         AND m."createdAt" >= $4::timestamptz AT TIME ZONE 'UTC'
       ORDER BY c."contactId", m."createdAt" DESC) r) AS repliers,
    (SELECT COALESCE(json_agg(o), '[]'::json) FROM (
       SELECT x.id, o."assigneeId", floor(extract(epoch FROM o."lastMessageAt") * 1000)::float8 AS "lastMessageAt"
       FROM unnest($1::text[], $2::text[]) AS x(id, "contactId")
       CROSS JOIN LATERAL (
         SELECT "assigneeId", "lastMessageAt" FROM "Conversation" o
         WHERE o."contactId" = x."contactId" AND o.id <> x.id AND COALESCE(o."assigneeId", '') <> '' AND o."lastMessageAt" >= $4::timestamptz AT TIME ZONE 'UTC'
         ORDER BY o."lastMessageAt" DESC LIMIT 1) o) o) AS other,
    (SELECT COALESCE(json_agg(json_build_array(w."agentId", w.kind, w.n)), '[]'::json) FROM (
       ${agentWorkSql({ from: '"AgentLoad" l', agents: 'l."agentId" = ANY($5::text[])', workspace: '$6', now: '$7' })}) w) AS loads`,
};
// In the third part, the assignee test is written so no index can serve it: with statistics from before a burst of
// assignments the planner otherwise walks the ("assigneeId", status) index through every
// assigned conversation for each row (measured: 1.3 s per batch of 100 at 10,000 assigned)
// instead of the contact's few conversations.

/** Locks and reads the conversations, in id order (two batches never wait on each other in a cycle). */
export async function lockConversations(client: pg.PoolClient, ids: readonly string[], mode: 'requested' | 'waiting'): Promise<ConversationRow[]> {
  return sqlRows<ConversationRow>(client, mode === 'requested' ? lockRequested : lockWaiting, [ids]);
}

const lockAgents = {
  name: 'routing-lock-agents',
  // One row holding every agent as a JSON array: parsed natively in one call instead of 500 rows of
  // fields, dates and text arrays by pg's parsers (the largest share of the route worker's CPU
  // after publishing). The inner SELECT sorts, then locks, in id order, as before.
  text: `SELECT COALESCE(json_agg(json_build_array(a.id, a.name, a.capacity, a.idle, a.skills, a."teamIds") ORDER BY a.id), '[]'::json) AS agents
         FROM (SELECT a.id, a.name, a.capacity,
                 round(extract(epoch FROM COALESCE(a."lastAssignedAt", a."presenceChangedAt") AT TIME ZONE 'UTC') * 1000)::float8 AS idle,
                 COALESCE((SELECT json_agg(json_build_array(s.name, x.level)) FROM "AgentSkill" x JOIN "Skill" s ON s.id = x."skillId" WHERE x."agentId" = a.id), '[]'::json) AS skills,
                 COALESCE((SELECT json_agg(t."teamId") FROM "TeamMember" t WHERE t."agentId" = a.id), '[]'::json) AS "teamIds"
               FROM "Agent" a WHERE a."workspaceId" = $1 AND a.active AND a.presence = 'online' ORDER BY a.id FOR UPDATE OF a) a`,
};

export type SnapshotAgent = Candidate & { name: string };

/**
 * The workspace's active agents who are online (nobody else can be picked), locked, with their
 * loads read after the lock (so they are current), and the batch's conversations of that
 * workspace with their routing facts and last agents: two round trips.
 */
export async function lockRoutingSnapshot(
  client: pg.PoolClient,
  input: { workspaceId: string; rows: readonly ConversationRow[]; weights: CapacityWeights; now: Date; since: Date },
): Promise<{ agents: SnapshotAgent[]; conversations: RoutingConversation[] }> {
  const [locked] = await sqlRows<{ agents: [string, string, number, number, [string, number][], string[]][] }>(client, lockAgents, [input.workspaceId]);
  const agentRows = locked!.agents;
  const { rows } = input;
  const contacts = [...new Set(rows.map((r) => r.contactId))];
  const [facts] = await sqlRows<Facts & { loads: [string, string, number][] }>(client, afterLock, [
    rows.map((r) => r.id), rows.map((r) => r.contactId), contacts, input.since.toISOString(),
    agentRows.map((a) => a[0]), input.workspaceId, input.now.toISOString(),
  ]);
  const loads = new Map<string, number>();
  for (const [agentId, kind, n] of facts!.loads) loads.set(agentId, (loads.get(agentId) ?? 0) + n * costOf(kind, input.weights));
  const agents = agentRows.map(([agentId, name, capacity, idle, skills, teamIds]) => ({
    agentId, name, online: true, capacity, load: loads.get(agentId) ?? 0, skills: new Map(skills), teamIds, lastAssignedAt: idle,
  }));
  return { agents, conversations: toRoutingConversations(rows, facts!) };
}

/** The routing facts of the after-lock read (its first three parts). */
interface Facts {
  first: { conversationId: string; text: string | null; subject: string | null }[];
  repliers: { contactId: string; authorAgentId: string }[];
  other: { id: string; assigneeId: string; lastMessageAt: number }[];
}

function toRoutingConversations(rows: readonly ConversationRow[], facts: Facts): RoutingConversation[] {
  const first = new Map(facts.first.map((m) => [m.conversationId, m]));
  const replier = new Map(facts.repliers.map((m) => [m.contactId, m.authorAgentId]));
  const other = new Map(facts.other.map((o) => [o.id, o]));
  return rows.map((r) => {
    const m = first.get(r.id);
    const o = other.get(r.id);
    return {
      id: r.id, workspaceId: r.workspaceId, contactId: r.contactId, status: r.status, assigneeId: r.assigneeId, offeredAgentId: r.offeredAgentId,
      offerExpiresAt: r.offerExpiresAt, routingStep: r.routingStep, queueId: r.queueId, queuedAt: r.queuedAt, teamId: r.teamId,
      declinedAgentIds: r.declinedAgentIds ?? [],
      facts: {
        channel: asChannelKind(r.channelKind),
        teamId: r.teamId,
        language: r.language,
        firstMessageText: [m?.subject, m?.text].filter(Boolean).join('\n'),
        contactTier: r.tier,
        contactTags: r.contactTags ?? [],
        conversationTags: r.tags ?? [],
        priority: r.priority,
        attributes: Object.fromEntries(Object.entries(r.attributes ?? {}).map(([k, v]) => [k, String(v)])),
      },
      lastAgentByMessage: replier.get(r.contactId) ?? null,
      lastAssignedOther: o ? { assigneeId: o.assigneeId, lastMessageAt: o.lastMessageAt } : null,
      lastMessageAt: r.lastMessageAt.getTime(),
    };
  });
}
