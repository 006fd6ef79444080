// Admins create, rename and archive teams and set who is in them and who leads them (the lead
// gets the team's SLA escalations). Members' sockets move rooms so they hear their new team's
// conversations at once, and no longer a team they left. Archived teams leave pickers; their conversations keep them. Audited.
import { Prisma, type Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { teamViewInclude, toTeamView, type TeamView } from '../agents/team-view.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { requestDispatch } from '../routing/dispatch-waiting.ts';
import { assertRefsInWorkspace, refOf, refsOf } from '../workspace-refs.ts';

export interface TeamInput {
  name?: string;
  leadAgentId?: string | null;
  memberIds?: string[];
  archived?: boolean;
}

async function checkRefs(deps: Deps, viewer: Viewer, input: TeamInput): Promise<void> {
  await assertRefsInWorkspace(deps.db, viewer.workspaceId, [...refOf('agent', 'leadAgentId', input.leadAgentId, { active: true }), ...refsOf('agent', 'memberIds', input.memberIds)]);
}

const duplicateName = (name: string | undefined) => (err: unknown) => {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
    throw new AppError('conflict', `name: a team called ${name ?? 'that'} exists already`, { cause: err, details: [{ path: 'name', message: 'a team of that name exists already' }] });
  }
  throw err;
};

async function setMembers(tx: Tx, teamId: string, memberIds: string[]): Promise<void> {
  await tx.teamMember.deleteMany({ where: { teamId } });
  await tx.teamMember.createMany({ data: memberIds.map((agentId) => ({ teamId, agentId })) });
}

async function afterMembership(deps: Deps, workspaceId: string, changed: string[]): Promise<void> {
  for (const agentId of changed) await deps.realtime.refreshAgentRooms(agentId);
  if (changed.length > 0) await requestDispatch(deps, workspaceId);
}

export async function createTeam(deps: Deps, viewer: Viewer, input: TeamInput & { name: string }): Promise<TeamView> {
  requireAdmin(viewer, 'create teams');
  const memberIds = [...new Set(input.memberIds ?? [])];
  await checkRefs(deps, viewer, input);
  const team = await deps.db
    .$transaction(async (tx) => {
      const team = await tx.team.create({ data: { workspaceId: viewer.workspaceId, name: input.name, leadAgentId: input.leadAgentId ?? null, archivedAt: input.archived ? deps.clock.now() : null } });
      await setMembers(tx, team.id, memberIds);
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'team.create', targetType: 'team', targetId: team.id, data: { name: team.name, leadAgentId: team.leadAgentId, memberIds } });
      return tx.team.findUniqueOrThrow({ where: { id: team.id }, include: teamViewInclude });
    })
    .catch(duplicateName(input.name));
  await afterMembership(deps, viewer.workspaceId, memberIds);
  return toTeamView(team);
}

export async function updateTeam(deps: Deps, viewer: Viewer, teamId: string, input: TeamInput): Promise<TeamView> {
  requireAdmin(viewer, 'change teams');
  const before = await deps.db.team.findFirst({ where: { id: teamId, workspaceId: viewer.workspaceId }, include: teamViewInclude });
  if (!before) throw notFound('Team');
  const memberIds = input.memberIds && [...new Set(input.memberIds)];
  await checkRefs(deps, viewer, input);
  const oldMembers = before.members.map((m) => m.agentId);
  const changedMembers = memberIds ? [...memberIds.filter((id) => !oldMembers.includes(id)), ...oldMembers.filter((id) => !memberIds.includes(id))] : [];
  const archivedAt = input.archived === undefined ? undefined : input.archived ? (before.archivedAt ?? deps.clock.now()) : null;
  const team = await deps.db
    .$transaction(async (tx) => {
      await tx.team.update({ where: { id: teamId }, data: { name: input.name, leadAgentId: input.leadAgentId, archivedAt } });
      if (memberIds) await setMembers(tx, teamId, memberIds);
      const changes = { ...input, memberIds: memberIds && { added: memberIds.filter((id) => !oldMembers.includes(id)), removed: oldMembers.filter((id) => !memberIds.includes(id)) } };
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'team.update', targetType: 'team', targetId: teamId, data: { name: before.name, changes } });
      return tx.team.findUniqueOrThrow({ where: { id: teamId }, include: teamViewInclude });
    })
    .catch(duplicateName(input.name));
  await afterMembership(deps, viewer.workspaceId, changedMembers);
  return toTeamView(team);
}
