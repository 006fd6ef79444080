// Saving a business calendar: admins only, validated, workspace-scoped, audited. Clocks of the
// policies that count in it get their due times recomputed in the same transaction.
import type { Db } from '../../db/client.ts';
import type { Deps } from '../../deps.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { parseOr422 } from '../parse-input.ts';
import { calendarInputSchema, type CalendarInput } from './calendar.ts';
import { loadSlaState, planEdit, SLA_TX } from './plan-config-change.ts';
import { scheduleSlaTimers } from './schedule-sla-timers.ts';
import { toCalendarView } from './sla-config-view.ts';
import { writeSlaChange } from './write-sla-change.ts';

export async function parseCalendarInput(db: Db, viewer: Viewer, input: unknown, id: string | null): Promise<CalendarInput> {
  const c = parseOr422(calendarInputSchema, input, 'calendar');
  if (id && !(await db.businessCalendar.findFirst({ where: { id, workspaceId: viewer.workspaceId } }))) throw notFound('Calendar');
  const taken = await db.businessCalendar.findFirst({ where: { workspaceId: viewer.workspaceId, name: c.name, ...(id ? { id: { not: id } } : {}) } });
  if (taken) throw new AppError('conflict', `A calendar named "${c.name}" exists already`, { details: [{ path: 'name', message: 'another calendar has this name' }] });
  return c;
}

export async function saveCalendar(deps: Pick<Deps, 'db' | 'queues' | 'clock' | 'log'>, viewer: Viewer, input: unknown, id?: string) {
  requireAdmin(viewer, id ? 'change calendars' : 'create calendars');
  const c = await parseCalendarInput(deps.db, viewer, input, id ?? null);
  const data = { name: c.name, timeZone: c.timeZone, weeklyHours: c.weeklyHours as object, holidays: c.holidays };
  const { saved, timers } = await deps.db.$transaction(async (tx) => {
    const state = await loadSlaState(tx, viewer.workspaceId);
    const saved = id ? await tx.businessCalendar.update({ where: { id }, data }) : await tx.businessCalendar.create({ data: { ...data, workspaceId: viewer.workspaceId } });
    const { plan, proposed, impact } = planEdit(state, { calendar: { id: saved.id, definition: c } }, deps.clock.now());
    const timers = await writeSlaChange(tx, plan, proposed);
    await recordAudit(tx, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: id ? 'sla.calendar.update' : 'sla.calendar.create', targetType: 'calendar', targetId: saved.id, data: { conversationsMoved: impact.conversations } });
    return { saved, timers };
  }, SLA_TX);
  await scheduleSlaTimers(deps, timers);
  return toCalendarView(saved);
}
