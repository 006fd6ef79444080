// A workspace's whole SLA configuration in memory (every policy, active or not, and every
// calendar), and copies of it with one policy or calendar replaced: what a change would make it.
import type { Db, Tx } from '../../db/client.ts';
import { alwaysOpenCalendar, parseCalendar, type BusinessCalendar } from './calendar.ts';
import { toLoadedPolicy, type LoadedPolicy } from './load-policy.ts';

export interface SlaConfig {
  policies: LoadedPolicy[];
  calendars: ReadonlyMap<string, BusinessCalendar>;
}

export async function loadSlaConfig(db: Db | Tx, workspaceId: string): Promise<SlaConfig> {
  const [policies, calendars] = await Promise.all([
    db.slaPolicy.findMany({ where: { workspaceId }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    db.businessCalendar.findMany({ where: { workspaceId } }),
  ]);
  return {
    policies: policies.map(toLoadedPolicy),
    calendars: new Map(calendars.map((c) => [c.id, parseCalendar({ timeZone: c.timeZone, weeklyHours: c.weeklyHours, holidays: c.holidays ?? [] })])),
  };
}

/** The calendar a policy counts in (no calendar, or a missing one: every hour counts, as loadCalendar). */
export function calendarOf(config: SlaConfig, policyId: string): BusinessCalendar {
  const calendarId = config.policies.find((p) => p.id === policyId)?.calendarId;
  return (calendarId && config.calendars.get(calendarId)) || alwaysOpenCalendar;
}

export function withPolicy(config: SlaConfig, policy: LoadedPolicy): SlaConfig {
  const others = config.policies.filter((p) => p.id !== policy.id);
  return { ...config, policies: [...others, policy] };
}

export function withCalendar(config: SlaConfig, calendarId: string, calendar: BusinessCalendar): SlaConfig {
  const calendars = new Map(config.calendars);
  calendars.set(calendarId, calendar);
  return { ...config, calendars };
}
