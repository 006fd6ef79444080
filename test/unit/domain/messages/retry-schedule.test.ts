import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_SCHEDULE, describeRetryWindow, nextRetryDelayMs, retryForHours } from '../../../../src/domain/messages/retry-schedule.ts';

describe('the delivery retry schedule', () => {
  it('waits 30 s after the first failure, then doubles (as long as it has been failing), capped at 1 h', () => {
    const delays: number[] = [];
    let failingFor = 0;
    for (let i = 0; i < 10; i++) {
      const d = nextRetryDelayMs(failingFor, DEFAULT_RETRY_SCHEDULE);
      delays.push(d);
      failingFor += d;
    }
    expect(delays.map((d) => d / 1000)).toEqual([30, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600]);
  });

  it('five days of retrying at that schedule is a bounded number of attempts (about 130)', () => {
    let failingFor = 0;
    let attempts = 1;
    while (failingFor < 5 * 24 * 3_600_000) {
      failingFor += nextRetryDelayMs(failingFor, DEFAULT_RETRY_SCHEDULE);
      attempts++;
    }
    expect(attempts).toBeGreaterThan(100);
    expect(attempts).toBeLessThan(140);
  });

  it('reads retryForHours from any channel settings, 120 hours by default', () => {
    expect(retryForHours({ smtp: { host: 'x' } })).toBe(120);
    expect(retryForHours({ retryForHours: 6 })).toBe(6);
    expect(retryForHours(null)).toBe(120);
    expect(retryForHours({ retryForHours: 'soon' })).toBe(120);
  });

  it('names the window in days, hours or minutes', () => {
    expect(describeRetryWindow(120)).toBe('5 days');
    expect(describeRetryWindow(24)).toBe('1 day');
    expect(describeRetryWindow(36)).toBe('36 hours');
    expect(describeRetryWindow(1)).toBe('1 hour');
    expect(describeRetryWindow(0.5)).toBe('30 minutes');
  });
});
