// Moves a conversation between statuses (open, pending on the customer, snoozed, resolved, or a
// workspace's own). SLA clocks follow the status's rule; routing hears about freed capacity.
import type { Conversation, ConversationStatus, Tx } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requestDispatch, requestRouting } from '../routing/dispatch-waiting.ts';
import { recomputeSla, slaOnStatusChange } from '../sla/apply-sla.ts';
import { scheduleCsatSurvey } from '../csat/schedule-csat-survey.ts';
import { scheduleSlaTimers } from '../sla/schedule-sla-timers.ts';
import { publishConversation } from './publish-conversation.ts';
import { recordConversationEvent } from './record-conversation-event.ts';
import type { ConversationEventView } from './conversation-event-view.ts';
import { statusForCategory, type StatusDef } from './status-definitions.ts';
import type { Viewer } from '../auth/viewer.ts';
import { loadVisibleConversation } from './visibility.ts';
import { assertRefsInWorkspace, refOf } from '../workspace-refs.ts';

export interface ChangeStatusInput {
  conversationId: string;
  status?: ConversationStatus;
  /** A workspace status by key; takes precedence over `status`. */
  statusKey?: string;
  snoozedUntil?: Date | null;
  /** Why it is snoozed (only with a snooze). */
  snoozeReason?: string | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
}

export async function changeConversationStatus(deps: Deps, viewer: Viewer, input: ChangeStatusInput) {
  const conversation = await loadVisibleConversation(deps.db, viewer, input.conversationId);
  const def = await resolveStatus(deps, conversation.workspaceId, input);
  const now = deps.clock.now();
  if (def.category === 'snoozed') {
    if (!input.snoozedUntil) throw new AppError('validation_failed', 'Snoozing needs a snoozedUntil time');
    if (input.snoozedUntil <= now) throw new AppError('validation_failed', 'snoozedUntil must be in the future');
  } else if (input.snoozeReason) {
    throw new AppError('validation_failed', 'snoozeReason goes with a snooze');
  }
  return transitionStatus(deps, { conversation, def, snoozedUntil: input.snoozedUntil ?? null, snoozeReason: input.snoozeReason ?? null, priority: input.priority, actorAgentId: viewer.agentId });
}

async function resolveStatus(deps: Deps, workspaceId: string, input: ChangeStatusInput): Promise<StatusDef> {
  if (input.statusKey) {
    await assertRefsInWorkspace(deps.db, workspaceId, refOf('status', 'statusKey', input.statusKey), 'status');
    return deps.db.statusDefinition.findUniqueOrThrow({ where: { workspaceId_key: { workspaceId, key: input.statusKey } } });
  }
  if (!input.status) throw new AppError('validation_failed', 'give status or statusKey');
  return statusForCategory(deps.db, workspaceId, input.status);
}

export interface TransitionInput {
  conversation: Conversation;
  def: StatusDef;
  snoozedUntil: Date | null;
  snoozeReason?: string | null;
  priority?: 'low' | 'normal' | 'high' | 'urgent';
  actorAgentId: string | null;
}

/** The reason a transition leaves: a snooze's own; the one it had when its timer wakes it ("Back from snooze: ..."); otherwise none. */
function snoozeReasonAfter(i: TransitionInput): string | null {
  if (i.def.category === 'snoozed') return i.snoozeReason ?? null;
  return i.conversation.status === 'snoozed' && i.actorAgentId === null ? i.conversation.snoozeReason : null;
}

/** The status change itself, shared by agents and the status timers (actor null). */
export async function transitionStatus(deps: Deps, i: TransitionInput) {
  const { conversation: c, def } = i;
  const now = deps.clock.now();
  const { timers, activity } = await deps.db.$transaction(async (tx) => {
    const updated = await tx.conversation.update({
      where: { id: c.id },
      data: {
        status: def.category,
        statusKey: def.key,
        ...(c.statusKey !== def.key ? { statusChangedAt: now } : {}),
        snoozedUntil: def.category === 'snoozed' ? i.snoozedUntil : null,
        snoozeReason: snoozeReasonAfter(i),
        resolvedAt: def.category === 'resolved' ? (c.status === 'resolved' ? c.resolvedAt : now) : null,
        ...(i.priority ? { priority: i.priority } : {}),
      },
    });
    const statusTimers = await slaOnStatusChange(tx, { conversation: updated, now });
    const priorityTimers = i.priority && i.priority !== c.priority ? await recomputeSla(tx, { conversationId: c.id, now }) : [];
    await recordAudit(tx, {
      workspaceId: c.workspaceId,
      actorAgentId: i.actorAgentId,
      action: 'conversation.status',
      targetType: 'conversation',
      targetId: c.id,
      data: { from: c.statusKey, to: def.key, snoozedUntil: i.snoozedUntil?.toISOString() ?? null, snoozeReason: i.snoozeReason ?? null, priority: i.priority ?? null },
    });
    const activity = await recordStatusActivity(tx, i, now);
    return { timers: [...statusTimers, ...priorityTimers], activity };
  });
  await scheduleSlaTimers(deps, timers);
  if (c.assigneeId && c.status === 'open' && def.category !== 'open') await requestDispatch(deps, c.workspaceId);
  if (!c.assigneeId && def.category === 'open' && c.status !== 'open') await requestRouting(deps, c.id);
  if (def.category === 'resolved' && c.status !== 'resolved') {
    // The status change stands either way: a survey that could not be scheduled is logged, not an error of the change.
    await scheduleCsatSurvey(deps, c.id).catch((err: unknown) => deps.log.error({ err, conversationId: c.id }, 'could not schedule the satisfaction survey'));
  }
  return publishConversation(deps, c.id, 'conversation.updated', { activity });
}

/** Timeline entries of a transition: the status if it changed (a snooze to a new time counts), the priority if it did. */
async function recordStatusActivity(tx: Tx, i: TransitionInput, at: Date): Promise<ConversationEventView[]> {
  const { conversation: c, def } = i;
  const base = { workspaceId: c.workspaceId, conversationId: c.id, actorAgentId: i.actorAgentId, at };
  const snoozedUntil = def.category === 'snoozed' ? (i.snoozedUntil?.toISOString() ?? null) : null;
  const entries: ConversationEventView[] = [];
  if (c.statusKey !== def.key || (snoozedUntil && snoozedUntil !== c.snoozedUntil?.toISOString())) {
    const snoozeReason = def.category === 'snoozed' ? (i.snoozeReason ?? null) : c.status === 'snoozed' ? c.snoozeReason : null;
    entries.push(await recordConversationEvent(tx, { ...base, activity: { kind: 'status', data: { from: c.statusKey, to: def.key, label: def.label, snoozedUntil, ...(snoozeReason ? { snoozeReason } : {}) } } }));
  }
  if (i.priority && i.priority !== c.priority) {
    entries.push(await recordConversationEvent(tx, { ...base, activity: { kind: 'priority', data: { from: c.priority, to: i.priority, via: 'manual' } } }));
  }
  return entries;
}
