// An admin changes a person: name, role, teams, skills with levels, capacity, languages. Every id
// must be the workspace's; the last admin keeps their role. What they may hear over the socket
// follows at once (a new role reconnects their sockets, new teams move them between rooms), routing looks again where the
// change can make them eligible, and the change is audited field by field.
import type { Deps } from '../../deps.ts';
import { notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isAdmin, requireAdmin, type Role, type Viewer } from '../auth/viewer.ts';
import { requestDispatch } from '../routing/dispatch-waiting.ts';
import { replaceAgentSkills } from '../routing/manage-agents.ts';
import { assertAnotherAdmin } from './admin-guard.ts';
import { loadPerson } from './list-people.ts';
import type { PersonView } from './person-view.ts';
import { assertRefsInWorkspace } from '../workspace-refs.ts';

export interface PersonPatch {
  name?: string;
  role?: Role;
  teamIds?: string[];
  skills?: { skill: string; level: number }[];
  capacity?: number;
  languages?: string[];
}

const uniqueSkills = (skills: PersonPatch['skills']) => (skills ? [...new Map(skills.map((s) => [s.skill, s])).values()] : undefined);

async function loadTarget(deps: Deps, viewer: Viewer, agentId: string) {
  const agent = await deps.db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId }, include: { teams: { select: { teamId: true } }, skills: { select: { level: true, skill: { select: { name: true } } } } } });
  if (!agent) throw notFound('Person');
  return { ...agent, teamIds: agent.teams.map((t) => t.teamId), skillList: agent.skills.map((s) => ({ skill: s.skill.name, level: s.level })) };
}

export async function updatePerson(deps: Deps, viewer: Viewer, agentId: string, input: PersonPatch): Promise<PersonView> {
  requireAdmin(viewer, 'change people');
  const before = await loadTarget(deps, viewer, agentId);
  const patch = { ...input, teamIds: input.teamIds && [...new Set(input.teamIds)], languages: input.languages && [...new Set(input.languages)], skills: uniqueSkills(input.skills) };
  // Teams they are in already may be archived; any they join must be active.
  const teamRefs = (input.teamIds ?? []).map((id, i) => ({ kind: 'team' as const, path: `teamIds.${i}`, id, active: !before.teamIds.includes(id) }));
  await assertRefsInWorkspace(deps.db, viewer.workspaceId, teamRefs);
  if (isAdmin(before) && patch.role && !isAdmin({ role: patch.role }) && before.active) {
    await assertAnotherAdmin(deps.db, { workspaceId: viewer.workspaceId, agentId, change: `make ${before.name} a ${patch.role}` });
  }
  const changes = changedFields(before, patch);
  if (Object.keys(changes).length === 0) return loadPerson(deps.db, viewer, agentId);
  await deps.db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agentId }, data: { name: patch.name, role: patch.role, capacity: patch.capacity, languages: patch.languages } });
    if (changes.teamIds) {
      await tx.teamMember.deleteMany({ where: { agentId } });
      await tx.teamMember.createMany({ data: patch.teamIds!.map((teamId) => ({ teamId, agentId })) });
    }
    if (changes.skills) await replaceAgentSkills(tx, { workspaceId: viewer.workspaceId, agentId, skills: patch.skills! });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.update', targetType: 'agent', targetId: agentId, data: { changes } });
  });
  // A role changes what the app shows, so it reconnects; teams only change what the sockets hear.
  if (changes.role) deps.publisher.disconnectAgent(agentId);
  else if (changes.teamIds) await deps.realtime.refreshAgentRooms(agentId);
  if (before.active && (changes.teamIds || changes.skills || changes.capacity || changes.languages)) await requestDispatch(deps, viewer.workspaceId);
  return loadPerson(deps.db, viewer, agentId);
}

type Before = Awaited<ReturnType<typeof loadTarget>>;

/** `{ field: { from, to } }` for what the patch really changes. */
function changedFields(before: Before, patch: PersonPatch): Record<string, { from: unknown; to: unknown }> {
  const current: Record<keyof PersonPatch, unknown> = { name: before.name, role: before.role, teamIds: [...before.teamIds].sort(), skills: sortSkills(before.skillList), capacity: before.capacity, languages: before.languages };
  const next: Partial<Record<keyof PersonPatch, unknown>> = { ...patch, teamIds: patch.teamIds && [...patch.teamIds].sort(), skills: patch.skills && sortSkills(patch.skills) };
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(current) as (keyof PersonPatch)[]) {
    if (next[key] === undefined) continue;
    if (JSON.stringify(current[key]) !== JSON.stringify(next[key])) out[key] = { from: current[key], to: next[key] };
  }
  return out;
}

const sortSkills = (skills: { skill: string; level: number }[]) => [...skills].sort((a, b) => a.skill.localeCompare(b.skill)).map((s) => ({ skill: s.skill, level: s.level }));
