// Walks a calendar's open periods as UTC millisecond spans, lazily and one local day at a time,
// so callers can stop at the first span they need.
import { AppError } from '../../errors.ts';
import { expandWeeklyHours, type BusinessCalendar } from './calendar.ts';
import { createDayClock, dayOfIsoDate, DAY_MS, localDayOf, MAX_OFFSET_MS, weekdayOf } from './zoned-time.ts';

export interface Span {
  start: number;
  end: number;
}

/** How far ahead an unbounded search looks for open time before giving up. */
export const SEARCH_HORIZON_MS = 2 * 366 * DAY_MS;

/** Open spans intersecting [fromMs, toMs), clipped to it, sorted, touching spans merged. */
export function* openSpans(cal: BusinessCalendar, fromMs: number, toMs: number): Generator<Span> {
  if (!(toMs > fromMs)) return;
  if (cal.alwaysOpen) {
    yield { start: fromMs, end: toMs };
    return;
  }
  let pending: Span | undefined;
  for (const span of localDaySpans(cal, fromMs, toMs)) {
    const start = Math.max(span.start, fromMs);
    const end = Math.min(span.end, toMs);
    if (end <= start) continue;
    if (pending && start <= pending.end) {
      pending.end = Math.max(pending.end, end);
      continue;
    }
    if (pending) yield pending;
    pending = { start, end };
  }
  if (pending) yield pending;
}

/**
 * Open spans from `fromMs` onwards without an end, searched in windows of SEARCH_HORIZON_MS.
 * Throws when a whole window has no open time, so a calendar with no hours cannot loop forever.
 * A span crossing a window boundary is yielded in two touching pieces.
 */
export function* openSpansAfter(cal: BusinessCalendar, fromMs: number): Generator<Span> {
  for (let windowStart = fromMs; ; windowStart += SEARCH_HORIZON_MS) {
    let found = false;
    for (const span of openSpans(cal, windowStart, windowStart + SEARCH_HORIZON_MS)) {
      found = true;
      yield span;
    }
    if (!found) {
      throw new AppError('unprocessable', 'The business calendar has no open hours in the next two years.', {
        internal: `business calendar (${cal.timeZone}) has no open time within 2 years after ${new Date(windowStart).toISOString()}`,
      });
    }
  }
}

/** Unclipped open spans of each local date whose day could touch [fromMs, toMs), in order. */
function* localDaySpans(cal: BusinessCalendar, fromMs: number, toMs: number): Generator<Span> {
  const spansByWeekday = expandWeeklyHours(cal.weeklyHours);
  if (spansByWeekday.every((spans) => spans.length === 0)) return;
  const holidays = new Set(cal.holidays.map(dayOfIsoDate));
  const instantOf = createDayClock(cal.timeZone);
  // A local day starts no earlier than its UTC midnight minus the largest offset.
  for (let day = localDayOf(cal.timeZone, fromMs) - 1; day * DAY_MS - MAX_OFFSET_MS < toMs; day++) {
    const spans = spansByWeekday[weekdayOf(day)]!;
    if (spans.length === 0 || holidays.has(day)) continue;
    for (const { start, end } of spans) {
      const span = { start: instantOf(day, start), end: instantOf(day, end) };
      // A span lying wholly inside a spring-forward gap collapses to nothing.
      if (span.end > span.start) yield span;
    }
  }
}
