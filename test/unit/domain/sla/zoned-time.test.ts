import { describe, expect, it } from 'vitest';
import {
  createDayClock,
  dayOfIsoDate,
  localDayOf,
  offsetAt,
  wallToInstant,
  weekdayOf,
} from '../../../../src/domain/sla/zoned-time.ts';

const HOUR = 3_600_000;
const wall = (isoLocal: string) => Date.parse(`${isoLocal}Z`);
const iso = (ms: number) => new Date(ms).toISOString();

describe('wallToInstant', () => {
  it('converts an ordinary winter and summer wall time in Berlin', () => {
    expect(iso(wallToInstant('Europe/Berlin', wall('2026-01-15T09:00:00')))).toBe('2026-01-15T08:00:00.000Z');
    expect(iso(wallToInstant('Europe/Berlin', wall('2026-07-15T09:00:00')))).toBe('2026-07-15T07:00:00.000Z');
  });
  it('maps a wall time skipped by spring-forward to the first instant after the gap', () => {
    expect(iso(wallToInstant('Europe/Berlin', wall('2026-03-29T02:00:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallToInstant('Europe/Berlin', wall('2026-03-29T02:59:00')))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(wallToInstant('America/New_York', wall('2026-03-08T02:30:00')))).toBe('2026-03-08T07:00:00.000Z');
  });
  it('maps a wall time repeated by fall-back to its earlier occurrence', () => {
    expect(iso(wallToInstant('Europe/Berlin', wall('2026-10-25T02:30:00')))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(wallToInstant('America/New_York', wall('2026-11-01T01:30:00')))).toBe('2026-11-01T05:30:00.000Z');
  });
  it('handles zones with half-hour offsets and zones without DST', () => {
    expect(iso(wallToInstant('Asia/Kolkata', wall('2026-03-01T09:00:00')))).toBe('2026-03-01T03:30:00.000Z');
    expect(iso(wallToInstant('Australia/Lord_Howe', wall('2026-04-05T01:45:00')))).toBe('2026-04-04T14:45:00.000Z');
  });
});

describe('createDayClock', () => {
  it('agrees with wallToInstant around the transition hours of every day of a year', () => {
    const minutes = [0, 60, 90, 120, 150, 180, 210, 600, 1440]; // these zones change clocks at 02:00 or 03:00
    for (const timeZone of ['Europe/Berlin', 'America/New_York', 'Australia/Sydney']) {
      const instantOf = createDayClock(timeZone);
      const fast: string[] = [];
      const slow: string[] = [];
      const firstDay = dayOfIsoDate('2026-01-01');
      for (let day = firstDay; day < firstDay + 365; day++) {
        for (const minute of minutes) {
          fast.push(`${day}+${minute}: ${iso(instantOf(day, minute))}`);
          slow.push(`${day}+${minute}: ${iso(wallToInstant(timeZone, day * 24 * HOUR + minute * 60_000))}`);
        }
      }
      expect(fast, timeZone).toEqual(slow);
    }
  });
});

describe('local dates', () => {
  it('finds the local date of an instant in the zone, not in UTC', () => {
    expect(localDayOf('Asia/Tokyo', Date.parse('2026-01-05T20:00:00Z'))).toBe(dayOfIsoDate('2026-01-06'));
    expect(localDayOf('America/Los_Angeles', Date.parse('2026-01-06T03:00:00Z'))).toBe(dayOfIsoDate('2026-01-05'));
  });
  it('numbers weekdays like Date#getUTCDay, also before 1970', () => {
    expect(weekdayOf(dayOfIsoDate('2026-01-05'))).toBe(1);
    expect(weekdayOf(dayOfIsoDate('1969-12-28'))).toBe(0);
  });
  it('reports the offset in effect, including half hours', () => {
    expect(offsetAt('Asia/Kolkata', Date.parse('2026-01-01T00:00:00Z'))).toBe(5.5 * HOUR);
    expect(offsetAt('America/New_York', Date.parse('2026-07-01T00:00:00Z'))).toBe(-4 * HOUR);
  });
});
