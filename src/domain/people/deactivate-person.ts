// Someone leaves: deactivating them ends their sessions and closes their sockets at once, takes
// back their pending links, sets them offline and hands their conversations back to routing.
// Everything they wrote stays attributed to them. Reactivating lets them log in again with their
// password. Both audited; the workspace's last admin, and one's own login, stay active.
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { toPresenceEvent } from '../agents/presence-view.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { endSessions } from '../auth/sessions.ts';
import { isAdmin, requireAdmin, type Viewer } from '../auth/viewer.ts';
import { assertAnotherAdmin } from './admin-guard.ts';
import { loadPerson } from './list-people.ts';
import { personState, type PersonView } from './person-view.ts';
import { releaseAgentWork } from './release-agent-work.ts';

async function workspacePerson(deps: Deps, viewer: Viewer, agentId: string) {
  const agent = await deps.db.agent.findFirst({ where: { id: agentId, workspaceId: viewer.workspaceId } });
  if (!agent) throw notFound('Person');
  return agent;
}

export async function deactivatePerson(deps: Deps, viewer: Viewer, agentId: string): Promise<PersonView> {
  requireAdmin(viewer, 'deactivate people');
  const agent = await workspacePerson(deps, viewer, agentId);
  const state = personState(agent);
  if (state === 'deactivated') return loadPerson(deps.db, viewer, agentId);
  if (state === 'invited') throw new AppError('conflict', `${agent.name} has not joined yet: revoke the invitation instead`);
  if (agent.id === viewer.agentId) throw new AppError('conflict', 'You cannot deactivate yourself; ask another admin');
  if (isAdmin(agent)) await assertAnotherAdmin(deps.db, { workspaceId: viewer.workspaceId, agentId, change: `deactivate ${agent.name}` });
  const now = deps.clock.now();
  const ended = await deps.db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agentId }, data: { active: false, presence: 'offline', presenceChangedAt: now } });
    if (agent.presence !== 'offline') await tx.agentPresenceChange.create({ data: { workspaceId: viewer.workspaceId, agentId, presence: 'offline', at: now } });
    const sessions = await endSessions(tx, { agentId });
    await tx.agentToken.deleteMany({ where: { agentId, usedAt: null } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.deactivate', targetType: 'agent', targetId: agentId, data: { sessionsEnded: sessions.length, presenceWas: agent.presence } });
    return sessions.length;
  });
  deps.realtime.endSessions({ agentId });
  if (agent.presence !== 'offline') deps.publisher.publishToSupervisors(viewer.workspaceId, 'agent.presence', toPresenceEvent({ id: agentId, presence: 'offline' }, now));
  const released = await releaseAgentWork(deps, { workspaceId: viewer.workspaceId, agentId, actorAgentId: viewer.agentId, reason: 'agent deactivated' });
  deps.log.info({ agentId, sessionsEnded: ended, released: released.length }, 'agent deactivated');
  return loadPerson(deps.db, viewer, agentId);
}

export async function reactivatePerson(deps: Deps, viewer: Viewer, agentId: string): Promise<PersonView> {
  requireAdmin(viewer, 'reactivate people');
  const agent = await workspacePerson(deps, viewer, agentId);
  const state = personState(agent);
  if (state === 'active') return loadPerson(deps.db, viewer, agentId);
  if (state === 'invited') throw new AppError('conflict', `${agent.name} has not joined yet: send the invitation again instead`);
  await deps.db.$transaction(async (tx) => {
    await tx.agent.update({ where: { id: agentId }, data: { active: true } });
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'agent.reactivate', targetType: 'agent', targetId: agentId });
  });
  return loadPerson(deps.db, viewer, agentId);
}
