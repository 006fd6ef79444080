// A business calendar: the weekly open hours, holidays and time zone that SLA clocks count in.
// Parsed once at the edge with calendarSchema; expandWeeklyHours gives the per-weekday minute spans.
import { z } from 'zod';

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

const startPattern = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const endPattern = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** `end <= start` means the interval runs past midnight into the next day. */
export const intervalSchema = z.strictObject({
  start: z.string().regex(startPattern, 'start must be HH:MM between 00:00 and 23:59'),
  end: z.string().regex(endPattern, 'end must be HH:MM between 00:00 and 24:00'),
});
export type Interval = z.infer<typeof intervalSchema>;

const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  error: (issue) => `unknown time zone ${JSON.stringify(issue.input)} (expected an IANA name like Europe/Berlin)`,
});

const holidaySchema = z.iso.date({ error: 'holidays must be YYYY-MM-DD dates' });

// strictObject: a misspelt day ("monday") must fail loudly rather than silently mean "closed".
const weeklyHoursSchema = z
  .strictObject({
    mon: z.array(intervalSchema).optional(),
    tue: z.array(intervalSchema).optional(),
    wed: z.array(intervalSchema).optional(),
    thu: z.array(intervalSchema).optional(),
    fri: z.array(intervalSchema).optional(),
    sat: z.array(intervalSchema).optional(),
    sun: z.array(intervalSchema).optional(),
  })
  .superRefine((weeklyHours, ctx) => {
    for (const { weekday, message } of findOverlaps(weeklyHours)) {
      ctx.addIssue({ code: 'custom', message, path: [weekday] });
    }
  });

export const calendarSchema = z.object({
  timeZone: timeZoneSchema,
  weeklyHours: weeklyHoursSchema,
  holidays: z.array(holidaySchema).superRefine((holidays, ctx) => {
    const duplicates = holidays.filter((date, index) => holidays.indexOf(date) !== index);
    if (duplicates.length > 0) {
      ctx.addIssue({ code: 'custom', message: `duplicate holidays: ${[...new Set(duplicates)].join(', ')}` });
    }
  }),
  /** Every instant counts; weeklyHours and holidays are ignored. */
  alwaysOpen: z.boolean().optional(),
});
export type BusinessCalendar = z.infer<typeof calendarSchema>;

/** What POST / PUT /api/sla/calendars take: a named calendar. */
export const calendarInputSchema = calendarSchema.extend({ name: z.string().trim().min(1, 'must not be empty').max(80) });
export type CalendarInput = z.infer<typeof calendarInputSchema>;
export type WeeklyHours = BusinessCalendar['weeklyHours'];

export const alwaysOpenCalendar: BusinessCalendar = {
  timeZone: 'UTC',
  weeklyHours: {},
  holidays: [],
  alwaysOpen: true,
};

/** Parses untrusted input; throws a ZodError whose message lists every problem readably. */
export function parseCalendar(input: unknown): BusinessCalendar {
  const result = calendarSchema.safeParse(input);
  if (result.success) return result.data;
  result.error.message = `Invalid business calendar:\n${z.prettifyError(result.error)}`;
  throw result.error;
}

/** A local open span within one calendar date, in minutes after midnight (0..1440). */
export interface MinuteSpan {
  start: number;
  end: number;
  /** Where it came from, for error messages: "mon 22:00-06:00". */
  source: string;
}

/**
 * Open spans per weekday (index 0 = Sunday), sorted by start. An overnight interval contributes
 * its part after midnight to the following weekday, so holidays can close each part separately.
 */
export function expandWeeklyHours(weeklyHours: WeeklyHours): MinuteSpan[][] {
  const byWeekday: MinuteSpan[][] = weekdays.map(() => []);
  weekdays.forEach((weekday, index) => {
    for (const { start, end } of weeklyHours[weekday] ?? []) {
      const from = toMinutes(start);
      const to = toMinutes(end);
      const source = `${weekday} ${start}-${end}`;
      if (to > from) {
        byWeekday[index]!.push({ start: from, end: to, source });
        continue;
      }
      byWeekday[index]!.push({ start: from, end: 24 * 60, source });
      if (to > 0) byWeekday[(index + 1) % 7]!.push({ start: 0, end: to, source });
    }
  });
  for (const spans of byWeekday) spans.sort((a, b) => a.start - b.start);
  return byWeekday;
}

function findOverlaps(weeklyHours: WeeklyHours): Array<{ weekday: Weekday; message: string }> {
  // Format issues are reported by the interval schema; only compare well-formed intervals here.
  const wellFormed = Object.fromEntries(
    weekdays.map((weekday) => [weekday, (weeklyHours[weekday] ?? []).filter((i) => intervalSchema.safeParse(i).success)]),
  );
  const overlaps: Array<{ weekday: Weekday; message: string }> = [];
  expandWeeklyHours(wellFormed).forEach((spans, index) => {
    let latest: MinuteSpan | undefined; // the span reaching furthest so far
    for (const span of spans) {
      if (latest && span.start < latest.end) {
        const weekday = weekdays[index]!;
        overlaps.push({ weekday, message: `overlapping hours on ${weekday}: ${latest.source} and ${span.source}` });
      }
      if (!latest || span.end > latest.end) latest = span;
    }
  });
  return overlaps;
}

function toMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}
