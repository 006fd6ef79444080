// The report's pure rules: traffic lights per figure direction, stored thresholds over the
// defaults, and ranges of local dates (DST days, Monday weeks).
import { describe, expect, it } from 'vitest';
import { reportRange } from '../../../src/domain/reports/report-range.ts';
import { defaultThresholds, lightOf, mergeThresholds, thresholdsInputSchema } from '../../../src/domain/reports/thresholds.ts';

describe('traffic lights', () => {
  it('lights lower-is-better and higher-is-better figures at their bounds', () => {
    const t = defaultThresholds;
    expect([0.5, 1, 1.01, 4, 4.5].map((v) => lightOf('firstResponseMedianHours', v, t))).toEqual(['green', 'green', 'amber', 'amber', 'red']);
    expect([99, 95, 94.9, 85, 80].map((v) => lightOf('slaAttainment', v, t))).toEqual(['green', 'green', 'amber', 'amber', 'red']);
    expect(lightOf('csatSatisfied', null, t)).toBeNull();
  });

  it('keeps the defaults beside stored bounds, and refuses bounds in the wrong order', () => {
    const merged = mergeThresholds({ slaAttainment: { green: 90, amber: 80 } });
    expect(merged.slaAttainment).toEqual({ green: 90, amber: 80 });
    expect(merged.firstResponseMedianHours).toEqual(defaultThresholds.firstResponseMedianHours);
    expect(mergeThresholds({ nonsense: 1 })).toEqual(defaultThresholds);
    const bad = thresholdsInputSchema.safeParse({ repeatContactRate: { green: 30, amber: 20 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['repeatContactRate', 'green'], message: 'green must be at most amber (lower is better)' });
  });
});

describe('report ranges', () => {
  it('runs from local midnight to the local midnight after `to`, 23 hours on a spring-forward day', () => {
    const r = reportRange({ from: '2026-03-29', to: '2026-03-29', bucket: 'day' }, 'Europe/Berlin');
    expect(r.startsAt.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(r.endsAt.toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(r.buckets).toEqual(['2026-03-29']);
  });

  it('buckets weeks from the Monday on or before `from`', () => {
    const r = reportRange({ from: '2026-12-02', to: '2026-12-15', bucket: 'week' }, 'America/New_York');
    expect(r.buckets).toEqual(['2026-11-30', '2026-12-07', '2026-12-14']);
    expect(r.startsAt.toISOString()).toBe('2026-12-02T05:00:00.000Z');
  });

  it('refuses a backwards or too long range', () => {
    expect(() => reportRange({ from: '2026-12-02', to: '2026-12-01', bucket: 'day' }, 'UTC')).toThrow(/before from/);
    expect(() => reportRange({ from: '2025-01-01', to: '2026-12-01', bucket: 'day' }, 'UTC')).toThrow(/at most 366 days/);
  });
});
