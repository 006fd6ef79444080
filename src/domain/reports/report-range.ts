// A report's range: local dates in the workspace's time zone, `to` included, turned into the UTC
// instants the SQL compares with, and the list of day or week buckets (weeks start on Monday).
import { AppError } from '../../errors.ts';
import { dayOfIsoDate, DAY_MS, wallToInstant, weekdayOf } from '../sla/zoned-time.ts';
import type { Bucket } from './report-view.ts';

export const MAX_RANGE_DAYS = 366;

export interface ReportRange {
  from: string;
  to: string;
  timeZone: string;
  bucket: Bucket;
  startsAt: Date;
  /** Exclusive: the local midnight after `to`. */
  endsAt: Date;
  buckets: string[];
}

export function reportRange(input: { from: string; to: string; bucket: Bucket }, timeZone: string): ReportRange {
  const first = dayOfIsoDate(input.from);
  const last = dayOfIsoDate(input.to);
  if (last < first) throw new AppError('validation_failed', `to (${input.to}) is before from (${input.from})`);
  if (last - first + 1 > MAX_RANGE_DAYS) throw new AppError('validation_failed', `a report covers at most ${MAX_RANGE_DAYS} days`);
  const startOf = (day: number) => (input.bucket === 'week' ? day - ((weekdayOf(day) + 6) % 7) : day);
  const step = input.bucket === 'week' ? 7 : 1;
  const buckets: string[] = [];
  for (let day = startOf(first); day <= last; day += step) buckets.push(isoDateOf(day));
  return {
    from: input.from,
    to: input.to,
    timeZone,
    bucket: input.bucket,
    startsAt: new Date(wallToInstant(timeZone, first * DAY_MS)),
    endsAt: new Date(wallToInstant(timeZone, (last + 1) * DAY_MS)),
    buckets,
  };
}

export function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Prisma keeps DateTime as UTC `timestamp`: bounds are passed to raw SQL as their UTC wall time. */
export const sqlTime = (d: Date): string => d.toISOString().replace('Z', '');

export const HOUR_S = 3600;
/** Seconds to hours, rounded to 0.01 h (null stays null). */
export const hoursOf = (seconds: number | null | undefined): number | null => (seconds === null || seconds === undefined ? null : Math.round((seconds / HOUR_S) * 100) / 100);
/** A share in percent, rounded to 0.1 (null when there is nothing to share). */
export const percentOf = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);
