// An SLA policy while an admin edits it, and the body the API takes: conditions left empty and
// targets left blank are dropped (an empty condition means "any"; a blank target, "no promise").
import { PRIORITIES, type Priority, type SlaPolicy, type SlaPolicyBody } from '../api/types.ts';

export const METRICS = ['first_response', 'next_response', 'resolution'] as const;
export type Metric = (typeof METRICS)[number];
export const metricLabels: Record<Metric, string> = { first_response: 'First response', next_response: 'Next response', resolution: 'Resolution' };

type Conditions = NonNullable<SlaPolicy['conditions']>;

export interface PolicyDraft {
  name: string;
  position: number;
  active: boolean;
  conditions: { channel: string[]; contactTier: string[]; tags: string[]; teamId: string[] };
  targets: Record<Priority, Record<Metric, number | null>>;
  calendarId: string | null;
  warnBeforeSeconds: (number | null)[];
  escalation: SlaPolicy['escalation'];
}

const emptyTargets = (): PolicyDraft['targets'] => Object.fromEntries(PRIORITIES.map((p) => [p, { first_response: null, next_response: null, resolution: null }])) as PolicyDraft['targets'];

export function toPolicyDraft(p: SlaPolicy | null, nextPosition: number): PolicyDraft {
  const targets = emptyTargets();
  for (const prio of PRIORITIES) for (const m of METRICS) targets[prio][m] = p?.targets[prio]?.[m] ?? null;
  const c: Conditions = p?.conditions ?? {};
  return {
    name: p?.name ?? '',
    position: p?.position ?? nextPosition,
    active: p?.active ?? true,
    conditions: { channel: c.channel ?? [], contactTier: c.contactTier ?? [], tags: c.tags ?? [], teamId: c.teamId ?? [] },
    targets: p ? targets : { ...targets, normal: { first_response: 3600, next_response: null, resolution: null } },
    calendarId: p?.calendarId ?? null,
    warnBeforeSeconds: p?.warnBeforeSeconds ?? [900],
    escalation: p?.escalation ?? { raisePriority: false, notifyTeamLead: true, reassign: false },
  };
}

export function toPolicyBody(d: PolicyDraft): SlaPolicyBody {
  const conditions = Object.fromEntries(Object.entries(d.conditions).filter(([, v]) => v.length > 0)) as SlaPolicyBody['conditions'];
  const targets: NonNullable<SlaPolicyBody['targets']> = {};
  for (const prio of PRIORITIES) {
    const given = Object.fromEntries(METRICS.flatMap((m) => (d.targets[prio][m] === null ? [] : [[m, d.targets[prio][m]]])));
    if (Object.keys(given).length > 0) targets[prio] = given;
  }
  return {
    name: d.name,
    position: d.position,
    active: d.active,
    conditions,
    targets,
    calendarId: d.calendarId,
    warnBeforeSeconds: d.warnBeforeSeconds.filter((s): s is number => s !== null),
    escalation: d.escalation,
  };
}
