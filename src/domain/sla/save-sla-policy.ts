// Saving an SLA policy: admins only, validated, workspace-scoped, audited. Clocks already running
// move to what the policy now says in the same transaction (the preview shows the same plan).
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { parseOr422 } from '../parse-input.ts';
import { assertRefsInWorkspace, refOf, refsOf } from '../workspace-refs.ts';
import { loadSlaState, planEdit, SLA_TX, toProposedPolicy } from './plan-config-change.ts';
import { policySchema, type PolicyDefinition } from './policy-schema.ts';
import { scheduleSlaTimers } from './schedule-sla-timers.ts';
import { toSlaPolicyView } from './sla-config-view.ts';
import { writeSlaChange } from './write-sla-change.ts';

type SaveDeps = Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>;

/** The policy body, parsed and checked against the workspace (its calendar and teams, the policy itself). */
export async function parsePolicyInput(db: Db, viewer: Viewer, input: unknown, id: string | null): Promise<PolicyDefinition> {
  const p = parseOr422(policySchema, input, 'policy');
  // A condition may name an archived team (its conversations keep it); a foreign one never.
  await assertRefsInWorkspace(db, viewer.workspaceId, [...refOf('calendar', 'calendarId', p.calendarId), ...refsOf('team', 'conditions.teamId', p.conditions.teamId)], 'policy');
  if (id && !(await db.slaPolicy.findFirst({ where: { id, workspaceId: viewer.workspaceId } }))) throw notFound('SLA policy');
  return p;
}

export async function savePolicy(deps: SaveDeps, viewer: Viewer, input: unknown, id?: string) {
  requireAdmin(viewer, id ? 'change SLA policies' : 'create SLA policies');
  const p = await parsePolicyInput(deps.db, viewer, input, id ?? null);
  const data = { name: p.name, position: p.position, active: p.active, conditions: p.conditions, targets: p.targets as object, calendarId: p.calendarId, warnBeforeSeconds: p.warnBeforeSeconds, escalation: p.escalation };
  const taken = await deps.db.slaPolicy.findFirst({ where: { workspaceId: viewer.workspaceId, name: p.name, ...(id ? { id: { not: id } } : {}) } });
  if (taken) throw new AppError('conflict', `A policy named "${p.name}" exists already`, { details: [{ path: 'name', message: 'another policy has this name' }] });
  const { saved, timers, impact } = await deps.db.$transaction(async (tx) => {
    const state = await loadSlaState(tx, viewer.workspaceId);
    const saved = id ? await tx.slaPolicy.update({ where: { id }, data }) : await tx.slaPolicy.create({ data: { ...data, workspaceId: viewer.workspaceId } });
    const { plan, proposed, impact } = planEdit(state, { policy: toProposedPolicy(saved.id, p) }, deps.clock.now());
    const timers = await writeSlaChange(tx, plan, proposed);
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: id ? 'sla.policy.update' : 'sla.policy.create', targetType: 'sla_policy', targetId: saved.id, data: { conversationsMoved: impact.conversations } });
    return { saved, timers, impact };
  }, SLA_TX);
  await scheduleSlaTimers(deps, timers);
  deps.log.info({ policyId: saved.id, conversations: impact.conversations, clocks: impact.clocks }, 'SLA policy saved');
  return toSlaPolicyView(saved);
}
