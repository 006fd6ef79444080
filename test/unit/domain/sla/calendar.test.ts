import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { alwaysOpenCalendar, calendarSchema, expandWeeklyHours, parseCalendar } from '../../../../src/domain/sla/calendar.ts';

const office = {
  timeZone: 'Europe/Berlin',
  weeklyHours: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] },
  holidays: ['2026-12-25'],
};

function parseError(input: unknown): z.ZodError {
  try {
    parseCalendar(input);
  } catch (error) {
    if (error instanceof z.ZodError) return error;
    throw error;
  }
  throw new Error('expected parseCalendar to throw');
}

describe('parseCalendar', () => {
  it('accepts a valid calendar and returns it unchanged', () => {
    expect(parseCalendar(office)).toEqual(office);
  });
  it('accepts the built-in always-open calendar', () => {
    expect(calendarSchema.parse(alwaysOpenCalendar)).toEqual({ timeZone: 'UTC', weeklyHours: {}, holidays: [], alwaysOpen: true });
  });
  it('rejects an unknown time zone with a readable message', () => {
    const error = parseError({ ...office, timeZone: 'Mars/Olympus_Mons' });
    expect(error.message).toContain('unknown time zone "Mars/Olympus_Mons"');
    expect(error.issues.map((issue) => issue.path)).toEqual([['timeZone']]);
  });
  it.each(['9:00', '25:00', '12:60', '24:00', '0900'])('rejects the start time %s', (start) => {
    const error = parseError({ ...office, weeklyHours: { tue: [{ start, end: '17:00' }] } });
    expect(error.message).toContain('start must be HH:MM between 00:00 and 23:59');
    expect(error.issues[0]?.path).toEqual(['weeklyHours', 'tue', 0, 'start']);
  });
  it('rejects an end time past 24:00 but accepts 24:00 itself', () => {
    expect(parseError({ ...office, weeklyHours: { tue: [{ start: '09:00', end: '24:01' }] } }).message).toContain(
      'end must be HH:MM between 00:00 and 24:00',
    );
    expect(parseCalendar({ ...office, weeklyHours: { tue: [{ start: '09:00', end: '24:00' }] } }).weeklyHours.tue).toHaveLength(1);
  });
  it('rejects overlapping intervals within a day', () => {
    const error = parseError({ ...office, weeklyHours: { wed: [{ start: '09:00', end: '17:00' }, { start: '16:00', end: '18:00' }] } });
    expect(error.message).toContain('overlapping hours on wed: wed 09:00-17:00 and wed 16:00-18:00');
    expect(error.issues[0]?.path).toEqual(['weeklyHours', 'wed']);
  });
  it('rejects a day interval overlapping the previous night shift', () => {
    const error = parseError({ ...office, weeklyHours: { mon: [{ start: '22:00', end: '06:00' }], tue: [{ start: '05:00', end: '09:00' }] } });
    expect(error.message).toContain('overlapping hours on tue: mon 22:00-06:00 and tue 05:00-09:00');
  });
  it('rejects a Sunday night shift overlapping Monday morning', () => {
    const error = parseError({ ...office, weeklyHours: { sun: [{ start: '22:00', end: '02:00' }], mon: [{ start: '01:00', end: '03:00' }] } });
    expect(error.message).toContain('overlapping hours on mon: sun 22:00-02:00 and mon 01:00-03:00');
  });
  it('reports an interval overlapping a long one even when a shorter one lies between', () => {
    const intervals = [{ start: '08:00', end: '18:00' }, { start: '09:00', end: '10:00' }, { start: '12:00', end: '13:00' }];
    expect(parseError({ ...office, weeklyHours: { thu: intervals } }).issues).toHaveLength(2);
  });
  it('allows intervals that touch and a night shift that ends where the day starts', () => {
    const weeklyHours = {
      mon: [{ start: '09:00', end: '12:00' }, { start: '12:00', end: '17:00' }, { start: '22:00', end: '06:00' }],
      tue: [{ start: '06:00', end: '09:00' }],
    };
    expect(parseCalendar({ ...office, weeklyHours }).weeklyHours).toEqual(weeklyHours);
  });
  it('rejects duplicate holidays and impossible dates', () => {
    const duplicate = parseError({ ...office, holidays: ['2026-12-25', '2026-12-26', '2026-12-25'] });
    expect(duplicate.message).toContain('duplicate holidays: 2026-12-25');
    const impossible = parseError({ ...office, holidays: ['2026-02-30'] });
    expect(impossible.message).toContain('holidays must be YYYY-MM-DD dates');
    expect(impossible.issues[0]?.path).toEqual(['holidays', 0]);
  });
  it('rejects a misspelt weekday instead of treating it as closed', () => {
    expect(parseError({ ...office, weeklyHours: { monday: [{ start: '09:00', end: '17:00' }] } }).message).toContain('monday');
  });
  it('lists every problem at once', () => {
    const error = parseError({ timeZone: 'Nowhere', weeklyHours: { fri: [{ start: '9', end: '17:00' }] }, holidays: ['x'] });
    expect(error.issues.map((issue) => issue.path[0]).sort()).toEqual(['holidays', 'timeZone', 'weeklyHours']);
    expect(error.message.startsWith('Invalid business calendar:\n')).toBe(true);
  });
});

describe('expandWeeklyHours', () => {
  it('splits an overnight interval at midnight and gives the second part to the next weekday', () => {
    const byWeekday = expandWeeklyHours({ sat: [{ start: '22:00', end: '06:00' }] });
    expect(byWeekday[6]).toEqual([{ start: 22 * 60, end: 24 * 60, source: 'sat 22:00-06:00' }]);
    expect(byWeekday[0]).toEqual([{ start: 0, end: 6 * 60, source: 'sat 22:00-06:00' }]);
  });
  it('treats an interval ending at 00:00 as running to midnight with nothing after it', () => {
    const byWeekday = expandWeeklyHours({ fri: [{ start: '18:00', end: '00:00' }] });
    expect(byWeekday[5]).toEqual([{ start: 18 * 60, end: 24 * 60, source: 'fri 18:00-00:00' }]);
    expect(byWeekday[6]).toEqual([]);
  });
});
