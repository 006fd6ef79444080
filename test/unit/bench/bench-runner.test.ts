// The pure parts of `npm run bench`: percentiles, median with min and max over runs, the table,
// and the command line.
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/support/args.ts';
import { median, percentile, spread, spreadsOf } from '../../bench/support/stats.ts';
import { formatTable, toJson } from '../../bench/support/table.ts';

describe('percentile', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100 .. 1, unsorted on purpose
  it('takes the nearest rank of the sorted samples', () => {
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7, 3], 0)).toBe(3);
    // A rank between two samples rounds up: p95 of ten samples is the largest, p50 of three the middle.
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 95)).toBe(10);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });
  it('is NaN without samples and refuses a percentile outside 0-100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('median and spread over runs', () => {
  it('takes the middle of an odd count and the mean of the middle two of an even one', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
  it('gives median, min and max, leaving out runs that measured nothing', () => {
    expect(spread([30, 10, Number.NaN, 20])).toEqual({ median: 20, min: 10, max: 30, runs: [30, 10, Number.NaN, 20] });
  });
  it('keeps the nesting of the figures', () => {
    const s = spreadsOf([{ ingest: { ratio: 0.1 } }, { ingest: { ratio: 0.3 } }, { ingest: { ratio: 0.2 } }]);
    expect(s).toEqual({ ingest: { ratio: { median: 0.2, min: 0.1, max: 0.3, runs: [0.1, 0.3, 0.2] } } });
  });
});

describe('table and json', () => {
  const spreads = spreadsOf([{ ingest: { ackP99Ms: 300, ratio: 0.05 } }, { ingest: { ackP99Ms: 500, ratio: 0.04 } }, { ingest: { ackP99Ms: 400, ratio: 0.06 } }]);
  it('prints one aligned row per figure with median, min and max', () => {
    const lines = formatTable(spreads).split('\n');
    expect(lines[0]).toMatch(/^figure\s+median\s+min\s+max$/);
    expect(lines[2]).toMatch(/^ingest\.ackP99Ms\s+400\s+300\s+500$/);
    expect(lines[3]).toMatch(/^ingest\.ratio\s+0\.05\s+0\.04\s+0\.06$/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });
  it('gives every figure as {median, min, max, runs} under its scenario', () => {
    expect(toJson(spreads)).toEqual({ ingest: { ackP99Ms: { median: 400, min: 300, max: 500, runs: [300, 500, 400] }, ratio: { median: 0.05, min: 0.04, max: 0.06, runs: [0.05, 0.04, 0.06] } } });
  });
});

describe('command line', () => {
  it('defaults to every scenario, full size, 3 runs, a table', () => {
    expect(parseBenchArgs([])).toEqual({ json: false, quick: false, runs: 3, scenarios: ['ingest', 'smtp', 'inbox', 'routing', 'reports'], cpuProfDir: null, cpuProfApiDir: null, workers: [1], mode: 'production', workerNodeFlags: [], apiNodeFlags: [] });
  });
  it('reads --quick, --json, --runs, --only and --cpu-prof', () => {
    expect(parseBenchArgs(['--quick', '--json', '--runs', '1', '--only', 'routing,ingest', '--cpu-prof', '/tmp/p'])).toEqual({ json: true, quick: true, runs: 1, scenarios: ['routing', 'ingest'], cpuProfDir: '/tmp/p', cpuProfApiDir: null, workers: [1], mode: 'production', workerNodeFlags: [], apiNodeFlags: [] });
  });
  it('reads --cpu-prof-api, the API process profile, apart from the workers one', () => {
    expect(parseBenchArgs(['--cpu-prof-api', '/tmp/api'])).toMatchObject({ cpuProfDir: null, cpuProfApiDir: '/tmp/api' });
    expect(() => parseBenchArgs(['--cpu-prof-api'])).toThrow(/needs a value/);
  });
  it('refuses what it does not know', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown argument --fast/);
    expect(() => parseBenchArgs(['--only', 'search'])).toThrow(/unknown scenario search/);
    expect(() => parseBenchArgs(['--runs', '0'])).toThrow(/positive whole number/);
    expect(() => parseBenchArgs(['--runs'])).toThrow(/needs a value/);
  });
});
