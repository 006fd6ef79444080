// Reads SLA policies and their calendars from the database in the shapes the pure code takes.
import type { SlaPolicy, Tx, Db } from '../../db/client.ts';
import { alwaysOpenCalendar, parseCalendar, type BusinessCalendar } from './calendar.ts';
import type { PolicyLike } from './choose-policy.ts';
import { escalationSchema, policyConditionsSchema, type Escalation, metricTargetsSchema } from './policy-schema.ts';
import { z } from 'zod';

export interface LoadedPolicy extends PolicyLike {
  name: string;
  calendarId: string | null;
  warnBeforeSeconds: number[];
  escalation: Escalation;
}

const targetsSchema = z.record(z.string(), metricTargetsSchema);

/** The columns a policy is loaded from (the plain-SQL ingest path reads no others). */
export type PolicyColumns = Pick<SlaPolicy, 'id' | 'name' | 'position' | 'active' | 'conditions' | 'targets' | 'calendarId' | 'warnBeforeSeconds' | 'escalation'>;

export function toLoadedPolicy(p: PolicyColumns): LoadedPolicy {
  return {
    id: p.id,
    name: p.name,
    position: p.position,
    active: p.active,
    conditions: policyConditionsSchema.parse(p.conditions),
    targets: targetsSchema.parse(p.targets) as LoadedPolicy['targets'],
    calendarId: p.calendarId,
    warnBeforeSeconds: p.warnBeforeSeconds ?? [],
    escalation: escalationSchema.parse(p.escalation ?? {}),
  };
}

export async function loadPolicies(db: Db | Tx, workspaceId: string): Promise<LoadedPolicy[]> {
  const rows = await db.slaPolicy.findMany({ where: { workspaceId, active: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  return rows.map(toLoadedPolicy);
}

export async function loadCalendar(db: Db | Tx, calendarId: string | null): Promise<BusinessCalendar> {
  if (!calendarId) return alwaysOpenCalendar;
  const row = await db.businessCalendar.findUnique({ where: { id: calendarId } });
  if (!row) return alwaysOpenCalendar;
  return parseCalendar({ timeZone: row.timeZone, weeklyHours: row.weeklyHours, holidays: row.holidays ?? [] });
}
