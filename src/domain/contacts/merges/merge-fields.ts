// Which values the surviving contact keeps: side by side, field by field. A field only one of the
// two has is kept without asking; where both have different values (a conflict) the agent chooses,
// or, for an automatic merge, the survivor's value stays. Tags are joined unless one side is chosen;
// attributes are a union, a key both have with different values being a conflict of its own.
// Generic over Contact's scalar columns, so a column added later is compared and chosen too.
import type { Contact } from '../../../db/model-types.ts';
import type { FieldProblem } from '../../parse-input.ts';

export type Side = 'survivor' | 'merged';
export interface MergeChoices {
  fields?: Record<string, Side>;
  attributes?: Record<string, Side>;
  tags?: Side | 'union';
}

/** Columns that are the record's own bookkeeping, never chosen. */
// lastContactAt is kept by a trigger from the conversations the contact has (it follows them when they move).
const NOT_CHOSEN = new Set(['id', 'workspaceId', 'mergedIntoId', 'erasedAt', 'createdAt', 'updatedAt', 'lastContactAt', 'tags', 'attributes']);

export interface FieldComparison {
  key: string;
  survivor: unknown;
  merged: unknown;
  /** Both have a value and they differ: the agent chooses. */
  conflict: boolean;
}

export interface MergeComparison {
  fields: FieldComparison[];
  attributes: FieldComparison[];
  tags: { survivor: string[]; merged: string[]; union: string[] };
}

type Attributes = Record<string, unknown>;
const attrs = (c: Contact): Attributes => (c.attributes && typeof c.attributes === 'object' && !Array.isArray(c.attributes) ? (c.attributes as Attributes) : {});
const isSet = (v: unknown) => v !== null && v !== undefined && v !== '';
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function compare(key: string, survivor: unknown, merged: unknown): FieldComparison {
  return { key, survivor: survivor ?? null, merged: merged ?? null, conflict: isSet(survivor) && isSet(merged) && !same(survivor, merged) };
}

/** The scalar columns a merge chooses between, from the row itself (a column added later is among them). */
export function chosenColumns(c: Contact): string[] {
  return Object.keys(c).filter((k) => !NOT_CHOSEN.has(k));
}

export function compareContacts(survivor: Contact, merged: Contact): MergeComparison {
  const row = (c: Contact) => c as unknown as Record<string, unknown>;
  const a = attrs(survivor);
  const b = attrs(merged);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return {
    fields: chosenColumns(survivor).map((k) => compare(k, row(survivor)[k], row(merged)[k])),
    attributes: keys.map((k) => compare(k, a[k], b[k])),
    tags: { survivor: survivor.tags, merged: merged.tags, union: [...new Set([...survivor.tags, ...merged.tags])] },
  };
}

export interface MergedValues {
  data: Record<string, unknown>;
  /** Conflicts no choice was given for (a merge by hand must name them all). */
  unresolved: FieldProblem[];
}

const pick = (c: FieldComparison, side: Side | undefined, fallback: Side | null) => {
  if (!c.conflict) return isSet(c.survivor) ? c.survivor : c.merged;
  const chosen = side ?? fallback;
  return chosen === 'merged' ? c.merged : c.survivor;
};

/** The survivor's values after the merge; `fallback` decides conflicts without a choice (null: none may be left). */
export function mergedValues(cmp: MergeComparison, choices: MergeChoices, fallback: Side | null): MergedValues {
  const unresolved: FieldProblem[] = [];
  const need = (group: 'fields' | 'attributes', c: FieldComparison) => {
    if (c.conflict && !choices[group]?.[c.key] && !fallback) unresolved.push({ path: `choices.${group}.${c.key}`, message: `choose which ${group === 'fields' ? '' : 'attribute '}${c.key} to keep: "${String(c.survivor)}" or "${String(c.merged)}"` });
  };
  const data: Record<string, unknown> = {};
  for (const c of cmp.fields) {
    need('fields', c);
    data[c.key] = pick(c, choices.fields?.[c.key], fallback);
  }
  const attributes: Attributes = {};
  for (const c of cmp.attributes) {
    need('attributes', c);
    attributes[c.key] = pick(c, choices.attributes?.[c.key], fallback);
  }
  data.attributes = attributes;
  const tags = choices.tags ?? 'union';
  data.tags = tags === 'union' ? cmp.tags.union : cmp.tags[tags];
  return { data, unresolved };
}

/** Choices naming a field or attribute that is not one of the two contacts' conflicts (a typo would be silently ignored otherwise). */
export function unknownChoices(cmp: MergeComparison, choices: MergeChoices): FieldProblem[] {
  const known = (list: FieldComparison[]) => new Set(list.filter((c) => c.conflict).map((c) => c.key));
  const fields = known(cmp.fields);
  const attributes = known(cmp.attributes);
  return [
    ...Object.keys(choices.fields ?? {}).filter((k) => !fields.has(k)).map((k) => ({ path: `choices.fields.${k}`, message: `${k} is not a conflicting field of these two contacts` })),
    ...Object.keys(choices.attributes ?? {}).filter((k) => !attributes.has(k)).map((k) => ({ path: `choices.attributes.${k}`, message: `attribute ${k} is not a conflict of these two contacts` })),
  ];
}
