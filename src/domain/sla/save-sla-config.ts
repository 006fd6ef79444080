// Saving SLA policies and business calendars: admins only, validated, workspace-scoped, audited. A
// policy that changes applies to conversations the next time their clocks are recomputed or started.
import type { Db } from '../../db/client.ts';
import { AppError, notFound } from '../../errors.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { requireAdmin, type Viewer } from '../auth/viewer.ts';
import { calendarSchema } from './calendar.ts';
import { policySchema } from './policy-schema.ts';
import { z } from 'zod';

function parseOr422<T extends z.ZodType>(schema: T, input: unknown, what: string): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  throw new AppError('validation_failed', `${first?.path.join('.') || what}: ${first?.message ?? 'invalid'}`, { details: r.error.issues });
}

export async function savePolicy(db: Db, viewer: Viewer, input: unknown, id?: string) {
  requireAdmin(viewer, id ? 'change SLA policies' : 'create SLA policies');
  const p = parseOr422(policySchema, input, 'policy');
  if (p.calendarId && !(await db.businessCalendar.findFirst({ where: { id: p.calendarId, workspaceId: viewer.workspaceId } }))) {
    throw new AppError('validation_failed', `calendarId: no calendar ${p.calendarId}`);
  }
  const data = { name: p.name, position: p.position, active: p.active, conditions: p.conditions, targets: p.targets as object, calendarId: p.calendarId, warnBeforeSeconds: p.warnBeforeSeconds, escalation: p.escalation };
  if (id && !(await db.slaPolicy.findFirst({ where: { id, workspaceId: viewer.workspaceId } }))) throw notFound('SLA policy');
  const saved = id ? await db.slaPolicy.update({ where: { id }, data }) : await db.slaPolicy.create({ data: { ...data, workspaceId: viewer.workspaceId } }).catch((err: unknown) => {
    throw new AppError('conflict', `A policy named "${p.name}" exists already`, { cause: err });
  });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: id ? 'sla.policy.update' : 'sla.policy.create', targetType: 'sla_policy', targetId: saved.id });
  return saved;
}

const calendarInput = calendarSchema.extend({ name: z.string().min(1) });

export async function saveCalendar(db: Db, viewer: Viewer, input: unknown, id?: string) {
  requireAdmin(viewer, id ? 'change calendars' : 'create calendars');
  const c = parseOr422(calendarInput, input, 'calendar');
  const data = { name: c.name, timeZone: c.timeZone, weeklyHours: c.weeklyHours as object, holidays: c.holidays };
  if (id && !(await db.businessCalendar.findFirst({ where: { id, workspaceId: viewer.workspaceId } }))) throw notFound('Calendar');
  const saved = id ? await db.businessCalendar.update({ where: { id }, data }) : await db.businessCalendar.create({ data: { ...data, workspaceId: viewer.workspaceId } });
  await recordAudit(db, { workspaceId: viewer.workspaceId, actorAgentId: viewer.agentId, action: id ? 'sla.calendar.update' : 'sla.calendar.create', targetType: 'calendar', targetId: saved.id });
  return saved;
}
