import { describe, expect, it } from 'vitest';
import { metricsAccess } from '../../../src/metrics/metrics-endpoint.ts';
import { createMetrics } from '../../../src/metrics/metrics.ts';
import { jobTimes } from '../../../src/metrics/queue-metrics.ts';

describe('who may read /metrics', () => {
  it('with a token: whoever sends it, from anywhere; nobody without it', () => {
    expect(metricsAccess('s3cret-token-0123456', 'Bearer s3cret-token-0123456', '203.0.113.9')).toEqual({ ok: true });
    expect(metricsAccess('s3cret-token-0123456', 'Bearer s3cret-token-0123457', '127.0.0.1').ok).toBe(false);
    expect(metricsAccess('s3cret-token-0123456', undefined, '127.0.0.1').ok).toBe(false);
  });
  it('without a token: loopback only', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(metricsAccess(undefined, undefined, a).ok).toBe(true);
    for (const a of ['10.0.0.5', '::ffff:10.0.0.5', undefined]) expect(metricsAccess(undefined, undefined, a)).toMatchObject({ ok: false, status: 403 });
  });
});

describe('job times', () => {
  it('count a delay as not waiting, and skip jobs that never ran', () => {
    expect(jobTimes({ timestamp: 1_000, processedOn: 7_500, finishedOn: 8_000, opts: { delay: 5_000 } })).toEqual({ waitSeconds: 1.5, runSeconds: 0.5 });
    expect(jobTimes({ timestamp: 1_000, processedOn: undefined, finishedOn: undefined, opts: {} })).toBeNull();
  });
});

describe('gauges read at scrape', () => {
  it('add up the collectors given under one name (two API servers in one process)', async () => {
    const metrics = createMetrics({ process: 'test', defaults: false });
    metrics.gauge('parley_test_open', 'open things', ['kind'], () => [{ labels: { kind: 'agent' }, value: 2 }]);
    metrics.gauge('parley_test_open', 'open things', ['kind'], async () => [{ labels: { kind: 'agent' }, value: 3 }, { labels: { kind: 'visitor' }, value: 1 }]);
    const text = await metrics.registry.metrics();
    expect(text).toContain('parley_test_open{kind="agent",process="test"} 5');
    expect(text).toContain('parley_test_open{kind="visitor",process="test"} 1');
  });
});
