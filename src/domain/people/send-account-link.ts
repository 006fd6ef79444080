// An admin sends a person a new one-time link: the invite again (for someone who has not joined
// yet; the earlier link stops working), or a password reset (invite-style: they choose a new
// password; until then the old one keeps working). Audited.
import type { AgentTokenPurpose } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type AuthenticatedAgent } from '../auth/viewer.ts';
import { toAccountLinkView, type AccountLinkView } from './account-link-view.ts';
import { emailAccountLink } from './email-account-link.ts';
import { issueAccountLink } from './issue-account-link.ts';
import { personState, type PersonState } from './person-view.ts';

const needs = {
  invite: { state: 'invited', refusal: 'has joined already; reset their password instead' },
  password_reset: { state: 'active', refusal: 'has no active login to reset' },
} as const satisfies Record<AgentTokenPurpose, { state: PersonState; refusal: string }>;

const actions = { invite: 'agent.invite.resend', password_reset: 'agent.password_reset' } as const satisfies Record<AgentTokenPurpose, string>;

export async function sendAccountLink(deps: Deps, viewer: AuthenticatedAgent, input: { agentId: string; purpose: AgentTokenPurpose; baseUrl: string }): Promise<AccountLinkView> {
  requireAdmin(viewer, input.purpose === 'invite' ? 'invite people' : "reset people's passwords");
  const agent = await deps.db.agent.findFirst({ where: { id: input.agentId, workspaceId: viewer.workspaceId }, include: { workspace: { select: { name: true } } } });
  if (!agent) throw notFound('Person');
  const state = personState(agent);
  if (state !== needs[input.purpose].state) throw new AppError('conflict', `${agent.name} ${state === 'deactivated' ? 'is deactivated; reactivate them first' : needs[input.purpose].refusal}`);
  const link = await deps.db.$transaction(async (tx) => {
    const link = await issueAccountLink(tx, { workspaceId: viewer.workspaceId, agentId: agent.id, purpose: input.purpose, now: deps.clock.now(), baseUrl: input.baseUrl });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: actions[input.purpose], targetType: 'agent', targetId: agent.id, data: { expiresAt: link.expiresAt.toISOString() } });
    return link;
  });
  const delivery = await emailAccountLink(deps, { workspaceId: viewer.workspaceId, workspaceName: agent.workspace.name, to: agent, link, byName: viewer.name });
  return toAccountLinkView(link, delivery);
}
