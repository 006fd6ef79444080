// An admin invites someone: they exist at once as an invited person (role and teams set, no
// password, cannot log in or be routed to) and get a one-time link to choose their password,
// shown to the admin and emailed when the workspace has an email channel. Audited.
import { Prisma } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type AuthenticatedAgent, type Role } from '../auth/viewer.ts';
import { toAccountLinkView, type AccountLinkView } from './account-link-view.ts';
import { emailAccountLink } from './email-account-link.ts';
import { issueAccountLink } from './issue-account-link.ts';
import { loadPerson } from './list-people.ts';
import type { PersonView } from './person-view.ts';
import { assertRefsInWorkspace, refsOf } from '../workspace-refs.ts';

export interface InviteInput {
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
}

export const emailTaken = (email: string, cause?: unknown) =>
  new AppError('conflict', `email: ${email} already has a Parley login`, { cause, details: [{ path: 'email', message: 'already has a Parley login' }] });

export async function invitePerson(deps: Deps, viewer: AuthenticatedAgent, input: InviteInput & { baseUrl: string }): Promise<{ person: PersonView; link: AccountLinkView }> {
  requireAdmin(viewer, 'invite people');
  const teamIds = [...new Set(input.teamIds)];
  await assertRefsInWorkspace(deps.db, viewer.workspaceId, refsOf('team', 'teamIds', input.teamIds, { active: true }));
  if (await deps.db.agent.findUnique({ where: { email: input.email }, select: { id: true } })) throw emailTaken(input.email);
  const now = deps.clock.now();
  const { agent, link } = await deps.db
    .$transaction(async (tx) => {
      const agent = await tx.agent.create({ data: { workspaceId: viewer.workspaceId, email: input.email, name: input.name, role: input.role, active: false, joinedAt: null, passwordHash: null } });
      await tx.teamMember.createMany({ data: teamIds.map((teamId) => ({ teamId, agentId: agent.id })) });
      const link = await issueAccountLink(tx, { workspaceId: viewer.workspaceId, agentId: agent.id, purpose: 'invite', now, baseUrl: input.baseUrl });
      await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.invite', targetType: 'agent', targetId: agent.id, data: { email: input.email, role: input.role, teamIds, expiresAt: link.expiresAt.toISOString() } });
      return { agent, link };
    })
    .catch((err: unknown) => {
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw emailTaken(input.email, err);
      throw err;
    });
  const workspace = await deps.db.workspace.findUniqueOrThrow({ where: { id: viewer.workspaceId }, select: { name: true } });
  const delivery = await emailAccountLink(deps, { workspaceId: viewer.workspaceId, workspaceName: workspace.name, to: agent, link, byName: viewer.name });
  return { person: await loadPerson(deps.db, viewer, agent.id), link: toAccountLinkView(link, delivery) };
}
