// SLA policies and business calendars as the admin UI reads them: the JSON columns parsed into
// the shapes their schemas define. Node-free (src/contract).
import type { BusinessCalendar as CalendarRow, SlaPolicy } from '../../db/model-types.ts';
import { calendarSchema } from './calendar.ts';
import { escalationSchema, metricTargetsSchema, policyConditionsSchema, priorities } from './policy-schema.ts';
import { z } from 'zod';

const targetsSchema = z.partialRecord(z.enum(priorities), metricTargetsSchema);

export function toSlaPolicyView(p: SlaPolicy) {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    active: p.active,
    conditions: policyConditionsSchema.parse(p.conditions),
    targets: targetsSchema.parse(p.targets),
    calendarId: p.calendarId,
    warnBeforeSeconds: p.warnBeforeSeconds ?? [],
    escalation: escalationSchema.parse(p.escalation ?? {}),
    updatedAt: p.updatedAt,
  };
}

export function toCalendarView(c: CalendarRow) {
  return {
    id: c.id,
    name: c.name,
    timeZone: c.timeZone,
    weeklyHours: calendarSchema.shape.weeklyHours.parse(c.weeklyHours),
    holidays: c.holidays ?? [],
    updatedAt: c.updatedAt,
  };
}

export type SlaPolicyView = ReturnType<typeof toSlaPolicyView>;
export type CalendarView = ReturnType<typeof toCalendarView>;
