// How long a reply keeps being retried after transient failures (a 451, a refused connection, a
// timeout), as mail servers do: capped exponential backoff (30 s, 1 min, 2 min ... at most 1 h
// apart) for the channel's retryForHours (5 days unless the channel says otherwise), then the
// dead-letter state. Each wait is as long as the failures have lasted so far (at least the base),
// which doubles the gap without counting attempts, and survives restarts: the row holds
// retryingSince.
import { z } from 'zod';

export interface RetrySchedule {
  /** Delay after the first transient failure; doubles with each further one. */
  baseMs: number;
  /** Longest delay between two attempts. */
  capMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 30_000, capMs: 3_600_000 };
export const DEFAULT_RETRY_FOR_HOURS = 120;

/** The generic part of any channel's settings this reads (absent: the default). */
const retrySetting = z.object({ retryForHours: z.number().positive().optional() }).loose();

/** The delay before the next attempt when transient failures have lasted `failingForMs` (0 at the first). */
export function nextRetryDelayMs(failingForMs: number, schedule: RetrySchedule): number {
  return Math.min(schedule.capMs, Math.max(schedule.baseMs, failingForMs));
}

/** How long a channel keeps retrying a reply, in hours. */
export function retryForHours(settings: unknown): number {
  const parsed = retrySetting.safeParse(settings);
  return (parsed.success ? parsed.data.retryForHours : undefined) ?? DEFAULT_RETRY_FOR_HOURS;
}

/** "5 days", "36 hours", "30 minutes": the window named in the dead-letter reason. */
export function describeRetryWindow(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) return hours === 24 ? '1 day' : `${hours / 24} days`;
  if (hours >= 1 && Number.isInteger(hours)) return hours === 1 ? '1 hour' : `${hours} hours`;
  const minutes = Math.round(hours * 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
