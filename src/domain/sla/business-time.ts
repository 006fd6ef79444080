// Business-time arithmetic for SLA clocks: how much open time lies between two instants, and
// which instant is N business milliseconds after another. Pure; all instants are UTC Dates.
import type { BusinessCalendar } from './calendar.ts';
import { openSpans, openSpansAfter, type Span } from './open-spans.ts';

export interface TimeInterval {
  start: Date;
  end: Date;
}

export interface Pause {
  start: Date;
  /** null: still paused, counted up to the end of the measured range. */
  end: Date | null;
}

/** Open periods intersecting [from, to), clipped to it; adjacent periods are merged. */
export function openIntervals(cal: BusinessCalendar, from: Date, to: Date): TimeInterval[] {
  return [...openSpans(cal, msOf(from, 'from'), msOf(to, 'to'))].map((span) => ({
    start: new Date(span.start),
    end: new Date(span.end),
  }));
}

/** Open milliseconds in [from, to); 0 when to <= from. */
export function businessMsBetween(cal: BusinessCalendar, from: Date, to: Date): number {
  return totalMs(openSpans(cal, msOf(from, 'from'), msOf(to, 'to')));
}

/**
 * The earliest instant t >= from with businessMsBetween(from, t) === ms. Outside hours the clock
 * starts at the next opening, so ms = 0 gives `from` when open and the next opening otherwise.
 * Throws an AppError('unprocessable') when the calendar has no open time within two years.
 */
export function addBusinessMs(cal: BusinessCalendar, from: Date, ms: number): Date {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`business ms must be a finite number >= 0, got ${ms}`);
  let remaining = ms;
  for (const span of openSpansAfter(cal, msOf(from, 'from'))) {
    if (remaining === 0) return new Date(span.start);
    const length = span.end - span.start;
    if (remaining <= length) return new Date(span.start + remaining);
    remaining -= length;
  }
  throw new Error('unreachable: openSpansAfter ends only by throwing');
}

/** `at` itself when open, else the start of the next open period. Throws like addBusinessMs. */
export function nextOpening(cal: BusinessCalendar, at: Date): Date {
  return addBusinessMs(cal, at, 0);
}

/** Whether `at` lies inside an open period (periods are half-open: closing time is closed). */
export function isOpen(cal: BusinessCalendar, at: Date): boolean {
  const ms = msOf(at, 'at');
  return !openSpans(cal, ms, ms + 1).next().done;
}

/** Open milliseconds in [from, to) not covered by any pause; overlapping pauses count once. */
export function businessMsExcludingPauses(cal: BusinessCalendar, from: Date, to: Date, pauses: readonly Pause[]): number {
  const fromMs = msOf(from, 'from');
  const toMs = msOf(to, 'to');
  const open = [...openSpans(cal, fromMs, toMs)];
  const paused = mergeSpans(
    pauses.map((pause) => ({
      start: Math.max(msOf(pause.start, 'pause.start'), fromMs),
      end: Math.min(pause.end === null ? toMs : msOf(pause.end, 'pause.end'), toMs),
    })),
  );
  return totalMs(open) - overlapMs(open, paused);
}

function totalMs(spans: Iterable<Span>): number {
  let total = 0;
  for (const span of spans) total += span.end - span.start;
  return total;
}

/** Sorted, disjoint union of spans; empty or inverted spans are dropped. */
function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Total length of the intersection of two sorted, disjoint span lists. */
function overlapMs(a: readonly Span[], b: readonly Span[]): number {
  let total = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    total += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
    if (x.end < y.end) i++;
    else j++;
  }
  return total;
}

function msOf(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}
