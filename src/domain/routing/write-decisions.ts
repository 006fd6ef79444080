// The writes of a batch of routing decisions, one multi-row statement in the batch's
// transaction: the conversations' new state, the assigned agents' lastAssignedAt, the audit
// entries and the timeline entries (built here, so nothing is read back after it is written).
import type pg from 'pg';
import { sqlRows } from '../../db/sql.ts';
import type { ConversationActivity, ConversationEventView, NamedRef } from '../conversations/conversation-event-view.ts';
import type { RouteOutcome } from './after-routing.ts';
import type { Decision } from './decide-batch.ts';
import { newId } from '../../db/new-id.ts';

// All of a batch's writes in one statement (data-modifying CTEs run once each, on the same
// snapshot): one round trip instead of four, which on a busy machine is most of a write's time.
// Empty arrays write nothing. The load counters follow the conversations' UPDATE (its trigger).
const writeBatch = {
  name: 'routing-write-batch',
  text: `WITH conv AS (
           UPDATE "Conversation" c SET "queueId" = u.queue, "routingStep" = u.step, "queuedAt" = COALESCE(c."queuedAt", $8::timestamptz AT TIME ZONE 'UTC'),
             "teamId" = COALESCE(u.team, c."teamId"), "assigneeId" = u.assignee, "offeredAgentId" = u.offered,
             "offerExpiresAt" = u.expires::timestamptz AT TIME ZONE 'UTC',
             "declinedAgentIds" = CASE WHEN u.assignee IS NULL THEN c."declinedAgentIds" ELSE '{}'::text[] END, "updatedAt" = now()
           FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(id, queue, step, team, assignee, offered, expires)
           WHERE c.id = u.id RETURNING 1),
         agents AS (
           UPDATE "Agent" SET "lastAssignedAt" = $8::timestamptz AT TIME ZONE 'UTC', "updatedAt" = now() WHERE id = ANY($9::text[]) RETURNING 1),
         audit AS (
           INSERT INTO "AuditEvent" (id, "workspaceId", "actorAgentId", action, "targetType", "targetId", data)
           SELECT u.id, u.ws, NULL, 'conversation.routed', 'conversation', u.target, u.data FROM unnest($10::text[], $11::text[], $12::text[], $13::jsonb[]) AS u(id, ws, target, data)
           RETURNING 1)
         INSERT INTO "ConversationEvent" (id, "workspaceId", "conversationId", kind, "actorAgentId", data, "createdAt")
         SELECT u.id, u.ws, u.conv, u.kind, NULL, u.data, $8::timestamptz AT TIME ZONE 'UTC' FROM unnest($14::text[], $15::text[], $16::text[], $17::text[], $18::jsonb[]) AS u(id, ws, conv, kind, data)`,
};

const teamNames = { name: 'routing-team-names', text: `SELECT id, name FROM "Team" WHERE id = ANY($1::text[])` };

export async function writeDecisions(client: pg.PoolClient, decisions: readonly Decision[], agentNames: ReadonlyMap<string, string>, now: Date): Promise<RouteOutcome[]> {
  const placed = decisions.filter((d) => d.kind !== 'skip');
  const newTeam = (d: Exclude<Decision, { kind: 'skip' }>) => (d.conv.teamId || !d.queue.teamId ? null : d.queue.teamId);
  const teamIds = [...new Set(placed.filter((d) => d.kind === 'assign').map(newTeam).filter((t): t is string => t !== null))];
  const teams = new Map(teamIds.length ? (await sqlRows<NamedRef>(client, teamNames, [teamIds])).map((t) => [t.id, t]) : []);
  const agentRef = (id: string): NamedRef => ({ id, name: agentNames.get(id) ?? 'an agent' });
  const at = now.toISOString();
  const events: { ws: string; conv: string; activity: ConversationActivity; id: string }[] = [];
  const record = (d: { conv: { id: string; workspaceId: string } }, activity: ConversationActivity) => {
    const entry = { ws: d.conv.workspaceId, conv: d.conv.id, activity, id: newId(now.getTime()) };
    events.push(entry);
    return [{ ...activity, id: entry.id, conversationId: d.conv.id, actor: null, createdAt: at } as ConversationEventView];
  };

  const outcomes = decisions.map((d): RouteOutcome => {
    if (d.kind === 'skip') return { status: 'skipped', reason: d.reason };
    const base = { conversationId: d.conv.id, queueId: d.queue.id, step: d.step };
    if (d.kind === 'assign') {
      const teamId = newTeam(d);
      const team = teamId ? { team: { from: null, to: teams.get(teamId) ?? null } } : {};
      const activity = record(d, { kind: 'assignment', data: { agent: { from: null, to: agentRef(d.agentId) }, ...team, via: 'routing', queue: d.queue.name, step: d.step } });
      return { status: 'assigned', ...base, agentId: d.agentId, activity };
    }
    if (d.kind === 'offer') {
      const expiresAt = new Date(now.getTime() + d.queue.offerTimeoutSeconds * 1000);
      const activity = record(d, { kind: 'offer', data: { outcome: 'offered', agent: agentRef(d.agentId), queue: d.queue.name, expiresAt: expiresAt.toISOString() } });
      return { status: 'offered', ...base, agentId: d.agentId, expiresAt, activity };
    }
    // Only entering a step arms its timeout (and makes a timeline entry); later dispatch attempts at the same step do not.
    const entering = d.conv.routingStep !== d.step || d.conv.queueId !== d.queue.id || d.conv.queuedAt === null;
    const timeoutAt = entering ? new Date(now.getTime() + d.timeoutSeconds * 1000) : null;
    const activity = entering ? record(d, { kind: 'routing.queued', data: { queue: d.queue.name, step: d.step, filter: d.filterName } }) : [];
    return { status: 'waiting', ...base, isLast: d.isLast, timeoutAt, activity };
  });
  if (placed.length === 0) return outcomes;

  const expires = outcomes.map((o) => (o.status === 'offered' ? o.expiresAt.toISOString() : null)).filter((_, i) => decisions[i]!.kind !== 'skip');
  const assigned = placed.filter((d): d is Extract<Decision, { kind: 'assign' }> => d.kind === 'assign');
  await sqlRows(client, writeBatch, [
    placed.map((d) => d.conv.id),
    placed.map((d) => d.queue.id),
    placed.map((d) => d.step),
    placed.map(newTeam),
    placed.map((d) => (d.kind === 'assign' ? d.agentId : null)),
    placed.map((d) => (d.kind === 'offer' ? d.agentId : null)),
    expires,
    at,
    [...new Set(assigned.map((d) => d.agentId))],
    assigned.map(() => newId()),
    assigned.map((d) => d.conv.workspaceId),
    assigned.map((d) => d.conv.id),
    assigned.map((d) => JSON.stringify({ agentId: d.agentId, queue: d.queue.name, step: d.step, filter: d.filterName })),
    events.map((e) => e.id),
    events.map((e) => e.ws),
    events.map((e) => e.conv),
    events.map((e) => e.activity.kind),
    events.map((e) => JSON.stringify(e.activity.data)),
  ]);
  return outcomes;
}
