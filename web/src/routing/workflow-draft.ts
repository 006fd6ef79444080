// The routing workflow while an admin edits it: the server's definition with a stable key on every
// filter and step (so reordering keeps each one's inputs), and back to the body PUT takes, with
// conditions left empty dropped (the schema wants "any of" lists with at least one entry).
import type { Workflow, WorkflowBody, WorkflowConditions, WorkflowFilter, WorkflowStep } from '../api/types.ts';

export interface DraftStep extends WorkflowStep {
  uid: number;
}
export interface DraftFilter extends Omit<WorkflowFilter, 'steps'> {
  uid: number;
  steps: DraftStep[];
}
export interface Draft {
  filters: DraftFilter[];
  fallback: { uid: number; name: string; steps: DraftStep[] };
  lastAgentWindowHours: number;
}

let nextUid = 1;
const uid = () => nextUid++;

export const newStep = (queue: string): DraftStep => ({ uid: uid(), queue, requirement: { skills: [], lastAgent: false }, timeoutSeconds: 300, skipIfNobodyAvailable: false });
export const newFilter = (queue: string): DraftFilter => ({ uid: uid(), name: '', when: {}, steps: [newStep(queue)] });

const keyedSteps = (steps: readonly WorkflowStep[]): DraftStep[] => steps.map((s) => ({ ...s, uid: uid() }));

export function toDraft(wf: Workflow): Draft {
  return {
    filters: wf.filters.map((f) => ({ ...f, uid: uid(), steps: keyedSteps(f.steps) })),
    fallback: { uid: uid(), name: wf.fallback.name, steps: keyedSteps(wf.fallback.steps) },
    lastAgentWindowHours: wf.lastAgentWindowHours,
  };
}

export function moveItem<T>(list: readonly T[], index: number, by: -1 | 1): T[] {
  const to = index + by;
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export const replaceItem = <T>(list: readonly T[], index: number, item: T): T[] => list.map((x, i) => (i === index ? item : x));
export const removeItem = <T>(list: readonly T[], index: number): T[] => list.filter((_, i) => i !== index);

export function cleanConditions(when: WorkflowConditions): WorkflowConditions {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(when)) {
    if (Array.isArray(value)) {
      if (value.length > 0) out[key] = value;
    } else if (value && typeof value === 'object') {
      const attributes = Object.fromEntries(Object.entries(value).filter(([k, v]) => k.trim() && Array.isArray(v) && v.length > 0));
      if (Object.keys(attributes).length > 0) out[key] = attributes;
    }
  }
  return out as WorkflowConditions;
}

function stepBody({ uid: _uid, ...step }: DraftStep): WorkflowStep {
  const { teamId, ...requirement } = step.requirement;
  return { ...step, requirement: teamId ? { ...requirement, teamId } : requirement };
}

/** Which filters and steps there are, in order: when it changes, problems found earlier point elsewhere. */
export const draftShape = (d: Draft): string => [...d.filters.map((f) => `${f.uid}:${f.steps.map((s) => s.uid).join(',')}`), d.fallback.steps.map((s) => s.uid).join(',')].join('|');

export function toWorkflowBody(d: Draft): WorkflowBody {
  return {
    filters: d.filters.map(({ uid: _uid, ...f }) => ({ name: f.name, when: cleanConditions(f.when), steps: f.steps.map(stepBody) })),
    fallback: { name: d.fallback.name, steps: d.fallback.steps.map(stepBody) },
    lastAgentWindowHours: d.lastAgentWindowHours,
  };
}
