// Pure arithmetic of one SLA clock: business time consumed so far, when it falls due, and when a
// warning threshold is reached. Pauses are folded into elapsedMs when the clock stops running.
import { addBusinessMs, businessMsBetween } from './business-time.ts';
import type { BusinessCalendar } from './calendar.ts';

export interface ClockState {
  targetMs: number;
  elapsedMs: number;
  status: 'running' | 'paused' | 'met' | 'breached' | 'cancelled';
  runningSince: Date | null;
}

export function consumedMs(cal: BusinessCalendar, c: ClockState, now: Date): number {
  if (c.status !== 'running' || !c.runningSince) return c.elapsedMs;
  return c.elapsedMs + businessMsBetween(cal, c.runningSince, now);
}

export function dueAt(cal: BusinessCalendar, c: ClockState): Date | null {
  if (c.status !== 'running' || !c.runningSince) return null;
  return addBusinessMs(cal, c.runningSince, Math.max(0, c.targetMs - c.elapsedMs));
}

/** When `beforeMs` of business time remain; null when that moment has already passed at start. */
export function warnAt(cal: BusinessCalendar, c: ClockState, beforeMs: number): Date | null {
  if (c.status !== 'running' || !c.runningSince) return null;
  const remaining = c.targetMs - c.elapsedMs - beforeMs;
  return remaining > 0 ? addBusinessMs(cal, c.runningSince, remaining) : null;
}

/** Stops the clock at `now`, folding the running stretch into elapsedMs. */
export function foldRunning(cal: BusinessCalendar, c: ClockState, now: Date): number {
  return consumedMs(cal, c, now);
}
