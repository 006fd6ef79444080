// Converts between UTC instants and wall-clock time in an IANA time zone using only Intl.
// Local dates are epoch-day numbers and wall times are "local time read as if it were UTC" ms.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** Every real UTC offset lies within ±14 h; a little slack keeps day bounds safe. */
export const MAX_OFFSET_MS = 15 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock time at `instantMs` in `timeZone`, as a UTC-read ms number. */
export function localWallAt(timeZone: string, instantMs: number): number {
  // `format` is ~3x faster than `formatToParts`; en-US gives "M/D/YYYY, HH:MM:SS".
  const text = formatterFor(timeZone).format(instantMs);
  const match = /^(\d+)\/(\d+)\/(\d+),? (\d+):(\d+):(\d+)$/.exec(text);
  if (!match) throw new Error(`Unexpected Intl output "${text}" for time zone ${timeZone}`);
  const [, month, day, year, hour, minute, second] = match.map(Number) as number[];
  const wall = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  return wall + (((instantMs % 1000) + 1000) % 1000);
}

/** UTC offset (local minus UTC, in ms) in effect at `instantMs`. */
export function offsetAt(timeZone: string, instantMs: number): number {
  return localWallAt(timeZone, instantMs) - instantMs;
}

/** The local calendar date (epoch day) containing `instantMs`. */
export function localDayOf(timeZone: string, instantMs: number): number {
  return Math.floor(localWallAt(timeZone, instantMs) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday, like Date#getUTCDay. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Epoch day of a YYYY-MM-DD string (assumed already validated). */
export function dayOfIsoDate(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/**
 * The UTC instant of a local wall time. A wall time skipped by a spring-forward gap maps to the
 * first instant after the gap; one repeated by a fall-back maps to its earlier occurrence.
 * Assumes the zone has at most one offset change within a day either side of `wallMs`.
 */
export function wallToInstant(timeZone: string, wallMs: number): number {
  const before = offsetAt(timeZone, wallMs - DAY_MS);
  const after = offsetAt(timeZone, wallMs + DAY_MS);
  const candidates = [wallMs - before, wallMs - after]
    .filter((instant) => localWallAt(timeZone, instant) === wallMs)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return candidates[0];
  // In a gap the offset grows, so wallMs - after < transition <= wallMs - before.
  return firstInstantWithOffset(timeZone, wallMs - after, wallMs - before);
}

/** Binary search for the transition instant in (lo, hi], where lo and hi have different offsets. */
function firstInstantWithOffset(timeZone: string, lo: number, hi: number): number {
  const loOffset = offsetAt(timeZone, lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (offsetAt(timeZone, mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * A converter from (local day, minute of day 0..1440) to a UTC instant. Days whose surroundings
 * keep one offset are converted with plain arithmetic; only days near a transition pay for
 * wallToInstant. Offsets are probed once per day and memoised, so walking days costs one Intl
 * call per day. Assumes no zone changes offset twice within ~3 days (true of the tz database
 * outside a few wartime oddities).
 */
export function createDayClock(timeZone: string): (day: number, minute: number) => number {
  const probes = new Map<number, number>();
  const probe = (day: number): number => {
    let offset = probes.get(day);
    if (offset === undefined) {
      offset = offsetAt(timeZone, day * DAY_MS - MAX_OFFSET_MS);
      probes.set(day, offset);
    }
    return offset;
  };
  return (day, minute) => {
    const wall = day * DAY_MS + minute * MINUTE_MS;
    // probe(day) is before the day's first instant, probe(day + 3) after its last one.
    const offset = probe(day);
    return offset === probe(day + 3) ? wall - offset : wallToInstant(timeZone, wall);
  };
}
