// Agents as routing sees them: presence, skills, teams, and current load in capacity units (open
// assigned conversations plus live offers, weighted by channel kind). The board reads it here; the
// router reads the same under its locks in routing-snapshot.ts.
import type { Db, Tx } from '../../db/client.ts';
import { capacityWeights, costOf } from './capacity.ts';
import type { Candidate } from './pick-agent.ts';

export async function workspaceWeights(db: Db | Tx, workspaceId: string) {
  const ws = await db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { capacityWeights: true } });
  return capacityWeights(ws.capacityWeights);
}

/** Load per agent in units; `agentIds` narrows the count (one agent under lock). */
export async function agentLoads(db: Db | Tx, workspaceId: string, now: Date, agentIds?: string[]): Promise<Map<string, number>> {
  const weights = await workspaceWeights(db, workspaceId);
  const rows = await db.conversation.findMany({
    where: {
      workspaceId,
      status: 'open',
      OR: [
        { assigneeId: agentIds ? { in: agentIds } : { not: null } },
        { assigneeId: null, offeredAgentId: agentIds ? { in: agentIds } : { not: null }, offerExpiresAt: { gt: now } },
      ],
    },
    select: { assigneeId: true, offeredAgentId: true, channel: { select: { kind: true } } },
  });
  const loads = new Map<string, number>();
  for (const r of rows) {
    const agent = r.assigneeId ?? r.offeredAgentId!;
    loads.set(agent, (loads.get(agent) ?? 0) + costOf(r.channel.kind, weights));
  }
  return loads;
}

export async function loadCandidates(db: Db | Tx, workspaceId: string, now: Date): Promise<Candidate[]> {
  // Sequential on purpose: inside a transaction both queries share one connection.
  const agents = await db.agent.findMany({
    where: { workspaceId, active: true },
    include: { skills: { include: { skill: { select: { name: true } } } }, teams: { select: { teamId: true } } },
  });
  const loads = await agentLoads(db, workspaceId, now);
  return agents.map((a) => ({
    agentId: a.id,
    online: a.presence === 'online',
    capacity: a.capacity,
    load: loads.get(a.id) ?? 0,
    skills: new Map(a.skills.map((s) => [s.skill.name, s.level])),
    teamIds: a.teams.map((t) => t.teamId),
    lastAssignedAt: (a.lastAssignedAt ?? a.presenceChangedAt).getTime(),
  }));
}
