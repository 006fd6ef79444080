// Checks a contact's custom attributes against the workspace's definitions: each value has its
// definition's type (text, number, a real calendar date YYYY-MM-DD, one of a choice's options),
// required ones are set, and a key with no definition is refused unless it is a value the contact
// already had unchanged (kept from a channel's deep link or from before definitions existed).
// Pure and node-free: the customer panel runs the same check before it saves.
import type { AttributeType } from './attribute-types.ts';

export type AttributeValue = string | number | boolean | null;

export interface AttributeRule {
  key: string;
  label: string;
  type: AttributeType;
  options: readonly string[];
  required: boolean;
}

export interface AttributeProblem {
  path: string;
  message: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Why `value` does not fit `rule` (null: it does). A null value means "not set". */
export function attributeValueProblem(rule: AttributeRule, value: AttributeValue): string | null {
  if (value === null) return rule.required ? `${rule.label} is required` : null;
  switch (rule.type) {
    case 'text':
      return typeof value === 'string' ? null : `${rule.label} must be text`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `${rule.label} must be a number`;
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : `${rule.label} must be a date (YYYY-MM-DD)`;
    case 'choice':
      return typeof value === 'string' && rule.options.includes(value) ? null : `${rule.label} must be one of: ${rule.options.join(', ')}`;
  }
}

/** Every problem with `next` (the whole new attribute map), each at `attributes.<key>`. */
export function attributeProblems(rules: readonly AttributeRule[], next: Record<string, AttributeValue>, previous: Record<string, unknown>): AttributeProblem[] {
  const byKey = new Map(rules.map((r) => [r.key, r]));
  const problems: AttributeProblem[] = [];
  for (const [key, value] of Object.entries(next)) {
    const rule = byKey.get(key);
    if (rule) {
      const problem = attributeValueProblem(rule, value);
      if (problem) problems.push({ path: `attributes.${key}`, message: problem });
    } else if (value !== null && previous[key] !== value) {
      problems.push({ path: `attributes.${key}`, message: `"${key}" is not a defined attribute` });
    }
  }
  for (const rule of rules) {
    if (rule.required && !(rule.key in next)) problems.push({ path: `attributes.${rule.key}`, message: `${rule.label} is required` });
  }
  return problems;
}

/** The map to store: unset (null) values are dropped. */
export function storedAttributes(next: Record<string, AttributeValue>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(next).filter(([, v]) => v !== null));
}
