// The attribute check the API and the panel share: each type, required, unknown keys (with the
// exception for a value kept unchanged from before definitions), and real calendar dates.
import { describe, expect, it } from 'vitest';
import { attributeProblems, isCalendarDate, storedAttributes, type AttributeRule } from '../../../../src/domain/contacts/attribute-values.ts';

const rules: AttributeRule[] = [
  { key: 'plan', label: 'Plan', type: 'choice', options: ['free', 'pro'], required: false },
  { key: 'seats', label: 'Seats', type: 'number', options: [], required: true },
  { key: 'renewal', label: 'Renewal', type: 'date', options: [], required: false },
  { key: 'note', label: 'Note', type: 'text', options: [], required: false },
];

describe('attribute values', () => {
  it('accepts values of the right type', () => {
    expect(attributeProblems(rules, { plan: 'pro', seats: 0, renewal: '2028-02-29', note: '' }, {})).toEqual([]);
  });

  it('names each field at fault', () => {
    expect(attributeProblems(rules, { plan: 'gold', seats: Number.NaN, renewal: '2027-13-01', note: 5, extra: 'x' }, {})).toEqual([
      { path: 'attributes.plan', message: 'Plan must be one of: free, pro' },
      { path: 'attributes.seats', message: 'Seats must be a number' },
      { path: 'attributes.renewal', message: 'Renewal must be a date (YYYY-MM-DD)' },
      { path: 'attributes.note', message: 'Note must be text' },
      { path: 'attributes.extra', message: '"extra" is not a defined attribute' },
    ]);
  });

  it('asks for required ones, whether missing or unset', () => {
    expect(attributeProblems(rules, { plan: 'free' }, {})).toEqual([{ path: 'attributes.seats', message: 'Seats is required' }]);
    expect(attributeProblems(rules, { seats: null }, {})).toEqual([{ path: 'attributes.seats', message: 'Seats is required' }]);
  });

  it('keeps an undefined key only when it is the value the contact already had', () => {
    expect(attributeProblems(rules, { seats: 1, legacy: 'as before' }, { legacy: 'as before' })).toEqual([]);
    expect(attributeProblems(rules, { seats: 1, legacy: 'changed' }, { legacy: 'as before' })).toHaveLength(1);
    expect(attributeProblems(rules, { seats: 1, legacy: null }, { legacy: 'as before' })).toEqual([]);
  });

  it('knows real calendar dates', () => {
    expect(['2026-12-04', '2028-02-29'].map(isCalendarDate)).toEqual([true, true]);
    expect(['2027-02-29', '2026-04-31', '2026-12-4', '04/12/2026', '2026-12-04T10:00:00Z'].map(isCalendarDate)).toEqual([false, false, false, false, false]);
  });

  it('drops unset values before storing', () => {
    expect(storedAttributes({ plan: 'pro', seats: null })).toEqual({ plan: 'pro' });
  });
});
