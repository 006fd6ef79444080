// Admins change a status: its label, category, what SLA clocks do in it, and its automatic move.
// Conversations already in the status follow a new clock rule at once (paused, resumed or stopped
// in one transaction). The four built-in statuses keep their category, and a status in use keeps
// its category, so no conversation's status and category disagree.
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { slaOnStatusChange } from '../sla/apply-sla.ts';
import { SLA_TX } from '../sla/plan-config-change.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import type { SlaImpact } from '../sla/sla-impact-view.ts';
import type { Db } from '../../db/client.ts';
import { defaultStatusDefinitions, type StatusDef } from './status-definitions.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export type StatusPatch = Partial<Omit<StatusDef, 'key'>>;

const problem = (path: string, message: string) => new AppError('validation_failed', `${path}: ${message}`, { details: [{ path, message }] });

async function checkedPatch(db: Db, viewer: Viewer, key: string, patch: StatusPatch) {
  const where = (k: string) => ({ workspaceId_key: { workspaceId: viewer.workspaceId, key: k } });
  const current = await db.statusDefinition.findUnique({ where: where(key) });
  if (!current) throw notFound('Status');
  if (patch.autoToKey === key) throw problem('autoToKey', 'a status cannot move to itself');
  await assertRefsInWorkspace(db, viewer.workspaceId, refOf('status', 'autoToKey', patch.autoToKey), 'status');
  if (patch.category && patch.category !== current.category) {
    if (defaultStatusDefinitions.some((d) => d.key === key)) throw problem('category', `the built-in status "${key}" keeps its category`);
    const using = await db.conversation.count({ where: { workspaceId: viewer.workspaceId, statusKey: key } });
    if (using > 0) throw problem('category', `${using} conversation${using === 1 ? ' is' : 's are'} in this status; move them first`);
  }
  return current;
}

/** Conversations in the status whose clocks a new clock rule would pause, resume or stop. */
export async function previewStatusChange(db: Db, viewer: Viewer, key: string, patch: StatusPatch): Promise<SlaImpact> {
  requireAdmin(viewer, 'change statuses');
  const current = await checkedPatch(db, viewer, key, patch);
  if (!patch.slaClock || patch.slaClock === current.slaClock) return { conversations: 0, clocks: 0, examples: [] };
  const where = { workspaceId: viewer.workspaceId, status: { in: ['running' as const, 'paused' as const] }, conversation: { statusKey: key } };
  const [clocks, conversations] = await Promise.all([db.slaClock.count({ where }), db.slaClock.findMany({ where, distinct: ['conversationId'], select: { conversationId: true } })]);
  return { conversations: conversations.length, clocks, examples: [] };
}

export async function updateStatusDefinition(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, viewer: Viewer, key: string, patch: StatusPatch) {
  requireAdmin(viewer, 'change statuses');
  const current = await checkedPatch(deps.db, viewer, key, patch);
  const now = deps.clock.now();
  const { saved, timers } = await deps.db.$transaction(async (tx) => {
    const saved = await tx.statusDefinition.update({ where: { id: current.id }, data: patch });
    const timers = [];
    if (saved.slaClock !== current.slaClock) {
      const inStatus = await tx.conversation.findMany({ where: { workspaceId: viewer.workspaceId, statusKey: key, slaClocks: { some: { status: { in: ['running', 'paused'] } } } } });
      for (const conversation of inStatus) timers.push(...(await slaOnStatusChange(tx, { conversation, now })));
    }
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: 'status.update', targetType: 'status_definition', targetId: saved.id, data: { key, ...patch } });
    return { saved, timers };
  }, SLA_TX);
  await scheduleSlaTimers(deps, timers);
  return saved;
}
