import { describe, expect, it } from 'vitest';
import {
  addBusinessMs,
  businessMsBetween,
  businessMsExcludingPauses,
  isOpen,
  nextOpening,
  openIntervals,
} from '../../../../src/domain/sla/business-time.ts';
import { alwaysOpenCalendar, parseCalendar, type Interval } from '../../../../src/domain/sla/calendar.ts';
import { AppError } from '../../../../src/errors.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();
const intervalsIso = (list: Array<{ start: Date; end: Date }>) => list.map((i) => `${iso(i.start)}/${iso(i.end)}`);
const workweek = (...intervals: Interval[]) => ({ mon: intervals, tue: intervals, wed: intervals, thu: intervals, fri: intervals });
const officeIn = (timeZone: string, holidays: string[] = []) =>
  parseCalendar({ timeZone, weeklyHours: workweek({ start: '09:00', end: '17:00' }), holidays });

// 2026-01-05 is a Monday.
const utcOffice = officeIn('UTC');

describe('weekday office hours 09:00-17:00 in UTC', () => {
  it('4 business hours from 10:00 on a Monday end at 14:00 the same day', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T10:00:00Z'), 4 * HOUR))).toBe('2026-01-05T14:00:00.000Z');
  });
  it('counts only the open part of a day', () => {
    expect(businessMsBetween(utcOffice, at('2026-01-05T08:00:00Z'), at('2026-01-05T18:00:00Z'))).toBe(8 * HOUR);
  });
  it('a target crossing the weekend continues on Monday', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-09T15:00:00Z'), 4 * HOUR))).toBe('2026-01-12T11:00:00.000Z');
    expect(businessMsBetween(utcOffice, at('2026-01-09T15:00:00Z'), at('2026-01-12T11:00:00Z'))).toBe(4 * HOUR);
  });
  it('starts the clock at opening when started before opening', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T07:30:00Z'), HOUR))).toBe('2026-01-05T10:00:00.000Z');
  });
  it('starts the clock the next morning when started after closing', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T18:00:00Z'), HOUR))).toBe('2026-01-06T10:00:00.000Z');
  });
  it('starts the clock on Monday when started on a Sunday', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-11T12:00:00Z'), HOUR))).toBe('2026-01-12T10:00:00.000Z');
  });
  it('a target using up the rest of the day ends at closing time, not the next opening', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T16:00:00Z'), HOUR))).toBe('2026-01-05T17:00:00.000Z');
  });
  it('adding zero returns the instant itself when open and the next opening when closed', () => {
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T12:34:56.789Z'), 0))).toBe('2026-01-05T12:34:56.789Z');
    expect(iso(addBusinessMs(utcOffice, at('2026-01-05T17:00:00Z'), 0))).toBe('2026-01-06T09:00:00.000Z');
  });
  it('treats opening time as open and closing time as closed', () => {
    expect(isOpen(utcOffice, at('2026-01-05T09:00:00Z'))).toBe(true);
    expect(isOpen(utcOffice, at('2026-01-05T16:59:59.999Z'))).toBe(true);
    expect(isOpen(utcOffice, at('2026-01-05T17:00:00Z'))).toBe(false);
    expect(isOpen(utcOffice, at('2026-01-10T12:00:00Z'))).toBe(false);
  });
  it('nextOpening is the instant itself when open, else the next opening', () => {
    expect(iso(nextOpening(utcOffice, at('2026-01-05T11:00:00Z')))).toBe('2026-01-05T11:00:00.000Z');
    expect(iso(nextOpening(utcOffice, at('2026-01-10T12:00:00Z')))).toBe('2026-01-12T09:00:00.000Z');
  });
  it('openIntervals clips the open periods to the requested range', () => {
    expect(intervalsIso(openIntervals(utcOffice, at('2026-01-05T12:00:00Z'), at('2026-01-07T12:00:00Z')))).toEqual([
      '2026-01-05T12:00:00.000Z/2026-01-05T17:00:00.000Z',
      '2026-01-06T09:00:00.000Z/2026-01-06T17:00:00.000Z',
      '2026-01-07T09:00:00.000Z/2026-01-07T12:00:00.000Z',
    ]);
  });
  it('an empty or reversed range has no business time', () => {
    expect(businessMsBetween(utcOffice, at('2026-01-05T12:00:00Z'), at('2026-01-05T12:00:00Z'))).toBe(0);
    expect(businessMsBetween(utcOffice, at('2026-01-06T12:00:00Z'), at('2026-01-05T12:00:00Z'))).toBe(0);
    expect(openIntervals(utcOffice, at('2026-01-06T12:00:00Z'), at('2026-01-05T12:00:00Z'))).toEqual([]);
  });
  it('a target years away spans several search windows', () => {
    const target = addBusinessMs(utcOffice, at('2026-01-05T09:00:00Z'), 156 * 40 * HOUR);
    expect(iso(target)).toBe('2028-12-29T17:00:00.000Z');
  });
  it('rejects a negative duration and an invalid date', () => {
    expect(() => addBusinessMs(utcOffice, at('2026-01-05T09:00:00Z'), -1)).toThrow(RangeError);
    expect(() => businessMsBetween(utcOffice, new Date(Number.NaN), at('2026-01-05T09:00:00Z'))).toThrow(/from is an invalid Date/);
  });
});

describe('daylight saving time', () => {
  const sundayNight = (timeZone: string, end = '06:00') =>
    parseCalendar({ timeZone, weeklyHours: { sun: [{ start: '00:00', end }] }, holidays: [] });

  it('Europe/Berlin 00:00-06:00 lasts 5 h on the spring-forward Sunday and 7 h on the fall-back one', () => {
    const berlin = sundayNight('Europe/Berlin');
    expect(intervalsIso(openIntervals(berlin, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z')))).toEqual([
      '2026-03-28T23:00:00.000Z/2026-03-29T04:00:00.000Z',
    ]);
    expect(businessMsBetween(berlin, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z'))).toBe(7 * HOUR);
    expect(intervalsIso(openIntervals(berlin, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z')))).toEqual([
      '2026-10-24T22:00:00.000Z/2026-10-25T05:00:00.000Z',
    ]);
  });
  it('Europe/Berlin business hours run on through the clock change in real time', () => {
    const berlin = sundayNight('Europe/Berlin');
    expect(iso(addBusinessMs(berlin, at('2026-03-28T23:00:00Z'), 3 * HOUR))).toBe('2026-03-29T02:00:00.000Z');
    expect(iso(addBusinessMs(berlin, at('2026-10-24T22:00:00Z'), 5 * HOUR))).toBe('2026-10-25T03:00:00.000Z');
  });
  it('a local start inside the spring gap opens right after the gap', () => {
    const berlin = parseCalendar({ timeZone: 'Europe/Berlin', weeklyHours: { sun: [{ start: '02:30', end: '04:00' }] }, holidays: [] });
    expect(intervalsIso(openIntervals(berlin, at('2026-03-28T00:00:00Z'), at('2026-03-30T00:00:00Z')))).toEqual([
      '2026-03-29T01:00:00.000Z/2026-03-29T02:00:00.000Z',
    ]);
  });
  it('an ambiguous local start in the autumn repeat uses its first occurrence', () => {
    const berlin = parseCalendar({ timeZone: 'Europe/Berlin', weeklyHours: { sun: [{ start: '02:30', end: '04:00' }] }, holidays: [] });
    expect(intervalsIso(openIntervals(berlin, at('2026-10-24T00:00:00Z'), at('2026-10-26T00:00:00Z')))).toEqual([
      '2026-10-25T00:30:00.000Z/2026-10-25T03:00:00.000Z',
    ]);
  });
  it('Europe/Berlin office hours follow the local clock on both sides of each change', () => {
    const berlin = officeIn('Europe/Berlin');
    // Friday 16:00 CET + 2 h: one hour on Friday, then Monday from 09:00 CEST (07:00Z).
    expect(iso(addBusinessMs(berlin, at('2026-03-27T15:00:00Z'), 2 * HOUR))).toBe('2026-03-30T08:00:00.000Z');
    expect(businessMsBetween(berlin, at('2026-03-27T15:00:00Z'), at('2026-03-30T08:00:00Z'))).toBe(2 * HOUR);
    expect(iso(addBusinessMs(berlin, at('2026-10-23T14:00:00Z'), 2 * HOUR))).toBe('2026-10-26T09:00:00.000Z');
    expect(businessMsBetween(berlin, at('2026-10-23T14:00:00Z'), at('2026-10-26T09:00:00Z'))).toBe(2 * HOUR);
  });
  it('America/New_York 00:00-06:00 lasts 5 h in March and 7 h in November', () => {
    const newYork = sundayNight('America/New_York');
    expect(intervalsIso(openIntervals(newYork, at('2026-03-07T00:00:00Z'), at('2026-03-09T00:00:00Z')))).toEqual([
      '2026-03-08T05:00:00.000Z/2026-03-08T10:00:00.000Z',
    ]);
    expect(intervalsIso(openIntervals(newYork, at('2026-10-31T00:00:00Z'), at('2026-11-02T00:00:00Z')))).toEqual([
      '2026-11-01T04:00:00.000Z/2026-11-01T11:00:00.000Z',
    ]);
    expect(iso(addBusinessMs(newYork, at('2026-11-01T04:00:00Z'), 3 * HOUR))).toBe('2026-11-01T07:00:00.000Z');
  });
  it('America/New_York closing inside the spring gap closes when the gap ends', () => {
    const newYork = sundayNight('America/New_York', '02:30');
    expect(businessMsBetween(newYork, at('2026-03-07T00:00:00Z'), at('2026-03-09T00:00:00Z'))).toBe(2 * HOUR);
  });
  it('America/New_York office hours follow the local clock on both sides of each change', () => {
    const newYork = officeIn('America/New_York');
    expect(iso(addBusinessMs(newYork, at('2026-03-06T21:00:00Z'), 2 * HOUR))).toBe('2026-03-09T14:00:00.000Z');
    expect(businessMsBetween(newYork, at('2026-03-06T21:00:00Z'), at('2026-03-09T14:00:00Z'))).toBe(2 * HOUR);
    expect(iso(addBusinessMs(newYork, at('2026-10-30T20:00:00Z'), 2 * HOUR))).toBe('2026-11-02T15:00:00.000Z');
    expect(businessMsBetween(newYork, at('2026-10-30T20:00:00Z'), at('2026-11-02T15:00:00Z'))).toBe(2 * HOUR);
  });
});

describe('overnight hours and 24:00', () => {
  const nights = (holidays: string[] = []) =>
    parseCalendar({ timeZone: 'UTC', weeklyHours: workweek({ start: '22:00', end: '06:00' }), holidays });

  it('a Friday night shift runs into Saturday morning', () => {
    expect(iso(addBusinessMs(nights(), at('2026-01-09T23:00:00Z'), 4 * HOUR))).toBe('2026-01-10T03:00:00.000Z');
    expect(isOpen(nights(), at('2026-01-10T05:59:00Z'))).toBe(true);
  });
  it('after the Saturday morning part the clock waits for Monday night', () => {
    expect(iso(addBusinessMs(nights(), at('2026-01-10T05:00:00Z'), 2 * HOUR))).toBe('2026-01-12T23:00:00.000Z');
    expect(isOpen(nights(), at('2026-01-12T03:00:00Z'))).toBe(false);
  });
  it('counts both halves of a shift across midnight as one period', () => {
    expect(intervalsIso(openIntervals(nights(), at('2026-01-05T12:00:00Z'), at('2026-01-06T12:00:00Z')))).toEqual([
      '2026-01-05T22:00:00.000Z/2026-01-06T06:00:00.000Z',
    ]);
  });
  it('an interval ending at 24:00 joins the next day opening at 00:00', () => {
    const late = parseCalendar({
      timeZone: 'UTC',
      weeklyHours: { mon: [{ start: '18:00', end: '24:00' }], tue: [{ start: '00:00', end: '02:00' }] },
      holidays: [],
    });
    expect(intervalsIso(openIntervals(late, at('2026-01-05T00:00:00Z'), at('2026-01-07T00:00:00Z')))).toEqual([
      '2026-01-05T18:00:00.000Z/2026-01-06T02:00:00.000Z',
    ]);
  });
  it('a holiday closes only the after-midnight part of the shift that runs into it', () => {
    // Wednesday 2026-01-07 is a holiday: Tue 22-24 stays open, Wed 00-06 and Wed 22-24 close,
    // and Wednesday night's part after midnight belongs to Thursday, so it stays open.
    expect(intervalsIso(openIntervals(nights(['2026-01-07']), at('2026-01-06T12:00:00Z'), at('2026-01-08T12:00:00Z')))).toEqual([
      '2026-01-06T22:00:00.000Z/2026-01-07T00:00:00.000Z',
      '2026-01-08T00:00:00.000Z/2026-01-08T06:00:00.000Z',
    ]);
  });
});

describe('holidays', () => {
  it('skips a full-day holiday', () => {
    const office = officeIn('UTC', ['2026-01-06']);
    expect(iso(addBusinessMs(office, at('2026-01-05T16:00:00Z'), 2 * HOUR))).toBe('2026-01-07T10:00:00.000Z');
    expect(businessMsBetween(office, at('2026-01-05T00:00:00Z'), at('2026-01-08T00:00:00Z'))).toBe(16 * HOUR);
  });
  it('reads holiday dates in the calendar time zone', () => {
    // Tokyo Tuesday 2026-01-06 09:00-17:00 local is 00:00-08:00Z.
    const tokyo = officeIn('Asia/Tokyo', ['2026-01-06']);
    expect(isOpen(tokyo, at('2026-01-06T03:00:00Z'))).toBe(false);
    expect(isOpen(tokyo, at('2026-01-07T03:00:00Z'))).toBe(true);
  });
});

describe('pauses', () => {
  const from = at('2026-01-05T09:00:00Z');
  const to = at('2026-01-05T17:00:00Z');
  const pause = (start: string, end: string | null) => ({ start: at(start), end: end === null ? null : at(end) });

  it('subtracts a single pause', () => {
    expect(businessMsExcludingPauses(utcOffice, from, to, [pause('2026-01-05T10:00:00Z', '2026-01-05T11:00:00Z')])).toBe(7 * HOUR);
  });
  it('counts overlapping pauses once', () => {
    const pauses = [pause('2026-01-05T10:00:00Z', '2026-01-05T12:00:00Z'), pause('2026-01-05T11:00:00Z', '2026-01-05T13:00:00Z')];
    expect(businessMsExcludingPauses(utcOffice, from, to, pauses)).toBe(5 * HOUR);
  });
  it('an open-ended pause lasts until the end of the range', () => {
    expect(businessMsExcludingPauses(utcOffice, from, to, [pause('2026-01-05T15:00:00Z', null)])).toBe(6 * HOUR);
  });
  it('a pause outside business hours costs nothing', () => {
    const pauses = [pause('2026-01-05T18:00:00Z', '2026-01-06T08:00:00Z')];
    expect(businessMsExcludingPauses(utcOffice, from, at('2026-01-06T17:00:00Z'), pauses)).toBe(16 * HOUR);
  });
  it('only the part of a pause inside the range counts', () => {
    expect(businessMsExcludingPauses(utcOffice, from, to, [pause('2026-01-05T07:00:00Z', '2026-01-05T10:00:00Z')])).toBe(7 * HOUR);
  });
});

describe('always open and never open calendars', () => {
  it('alwaysOpen counts every millisecond, weekends included', () => {
    expect(businessMsBetween(alwaysOpenCalendar, at('2026-01-09T12:00:00Z'), at('2026-01-12T12:00:00Z'))).toBe(72 * HOUR);
    expect(iso(addBusinessMs(alwaysOpenCalendar, at('2026-01-10T03:00:00Z'), 1.5 * HOUR))).toBe('2026-01-10T04:30:00.000Z');
    expect(isOpen(alwaysOpenCalendar, at('2026-12-25T00:00:00Z'))).toBe(true);
  });
  it('a calendar with no hours has no business time and cannot reach a target', () => {
    const closed = parseCalendar({ timeZone: 'Europe/Berlin', weeklyHours: {}, holidays: [] });
    expect(businessMsBetween(closed, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toBe(0);
    expect(() => addBusinessMs(closed, at('2026-01-05T09:00:00Z'), HOUR)).toThrow(AppError);
    expect(() => addBusinessMs(closed, at('2026-01-05T09:00:00Z'), HOUR)).toThrow(/no open time within 2 years/);
    expect(() => nextOpening(closed, at('2026-01-05T09:00:00Z'))).toThrow(/no open time within 2 years/);
  });
});

describe('addBusinessMs and businessMsBetween agree (seeded random pairs)', () => {
  function mulberry32(seed: number): () => number {
    let a = seed;
    return () => {
      a = (a + 0x6d2b79f5) | 0;
      let t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const berlin = parseCalendar({
    timeZone: 'Europe/Berlin',
    weeklyHours: workweek({ start: '08:30', end: '12:00' }, { start: '13:00', end: '17:30' }),
    holidays: ['2026-04-03', '2026-04-06', '2026-12-24', '2026-12-25'],
  });

  it('for 500 pairs over 2026 the target is reached exactly and lands on open time or a closing instant', () => {
    const random = mulberry32(0x5eed);
    const yearStart = Date.UTC(2026, 0, 1);
    for (let i = 0; i < 500; i++) {
      const from = new Date(yearStart + Math.floor(random() * 365 * 24 * HOUR));
      const ms = i % 50 === 0 ? 0 : Math.floor(random() * 60 * HOUR);
      const target = addBusinessMs(berlin, from, ms);
      const context = `from=${iso(from)} ms=${ms} target=${iso(target)}`;
      expect(target.getTime(), context).toBeGreaterThanOrEqual(from.getTime());
      expect(businessMsBetween(berlin, from, target), context).toBe(ms);
      if (ms > 0) expect(businessMsBetween(berlin, from, new Date(target.getTime() - 1)), context).toBe(ms - 1);
      const nearby = openIntervals(berlin, new Date(target.getTime() - 7 * 24 * HOUR), new Date(target.getTime() + 7 * 24 * HOUR));
      const isClosingInstant = nearby.some((interval) => interval.end.getTime() === target.getTime());
      expect(isOpen(berlin, target) || isClosingInstant, context).toBe(true);
    }
  });
});
