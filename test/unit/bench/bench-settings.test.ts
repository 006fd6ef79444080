// The benchmark's process settings: `--workers` (one ingest run per worker-process count, merged
// into one set of figures) and how the processes start (`--build`, the default, or `--tsx`).
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../bench/support/args.ts';
import { describeMode, nodeArgsFor } from '../../bench/support/process-mode.ts';
import { mergeWorkerSettings } from '../../bench/support/worker-settings.ts';
import { apiFlags, clusterEnv, workerFlags } from '../../bench/scenarios/ingest.ts';

describe('--workers and --build / --tsx', () => {
  it('reads a list of worker-process counts, once each, in the order given', () => {
    expect(parseBenchArgs(['--workers', '1,2']).workers).toEqual([1, 2]);
    expect(parseBenchArgs(['--workers', '2, 1, 2']).workers).toEqual([2, 1]);
    expect(parseBenchArgs(['--workers', '3']).workers).toEqual([3]);
  });
  it('refuses counts that are not whole numbers from 1 to 16', () => {
    for (const bad of ['0', '1,x', '1.5', '17', '']) expect(() => parseBenchArgs(['--workers', bad]), bad).toThrow(/--workers/);
    expect(() => parseBenchArgs(['--workers'])).toThrow(/needs a value/);
  });
  it('runs the production build unless --tsx is asked for', () => {
    expect(parseBenchArgs([]).mode).toBe('production');
    expect(parseBenchArgs(['--tsx']).mode).toBe('tsx');
    expect(parseBenchArgs(['--tsx', '--build']).mode).toBe('production');
  });
  it('takes node flags for the workers and the API as one argument each, refusing anything that is not a flag', () => {
    expect(parseBenchArgs(['--worker-flags', '--max-semi-space-size=8 --heap-growing-percent=50', '--api-flags', '--expose-gc'])).toMatchObject({
      workerNodeFlags: ['--max-semi-space-size=8', '--heap-growing-percent=50'],
      apiNodeFlags: ['--expose-gc'],
    });
    expect(() => parseBenchArgs(['--worker-flags', 'dist/other.js'])).toThrow(/not a node flag/);
    expect(() => parseBenchArgs(['--worker-flags'])).toThrow(/at least one node flag/);
    expect(() => parseBenchArgs(['--api-flags', ' '])).toThrow(/at least one node flag/);
  });
  it('puts the given worker flags before the profiling ones', () => {
    expect(workerFlags({ cpuProfDir: '/tmp/p', workers: 1, workerNodeFlags: ['--max-semi-space-size=8'] })).toEqual(['--max-semi-space-size=8', '--cpu-prof', '--cpu-prof-dir', '/tmp/p']);
    expect(apiFlags({ cpuProfDir: null, workers: 1 })).toEqual([]);
  });
  it('passes --workers-nice to the worker processes as WORKERS_NICE, and nothing without it', () => {
    expect(parseBenchArgs(['--workers-nice', '10']).workersNice).toBe(10);
    expect(parseBenchArgs([]).workersNice).toBeUndefined();
    for (const bad of ['-1', '20', '2.5', 'x']) expect(() => parseBenchArgs(['--workers-nice', bad]), bad).toThrow(/--workers-nice/);
    expect(clusterEnv({ cpuProfDir: null, workers: 1, workersNice: 0 })).toEqual({ WORKERS_NICE: '0' });
    expect(clusterEnv({ cpuProfDir: null, workers: 1 })).toEqual({});
  });
  it('knows the SMTP scenario', () => {
    expect(parseBenchArgs(['--only', 'smtp']).scenarios).toEqual(['smtp']);
  });
});

describe('starting a process kind in a mode', () => {
  it('runs the compiled entry with node in production, the sources through tsx otherwise, node flags first', () => {
    expect(nodeArgsFor('production', 'api')).toEqual(['dist/src/main.js', 'api']);
    expect(nodeArgsFor('tsx', 'workers', ['--cpu-prof'])).toEqual(['--cpu-prof', '--import', 'tsx', 'src/main.ts', 'workers']);
    expect(nodeArgsFor('production', 'workers', ['--cpu-prof', '--cpu-prof-dir', '/tmp/p'])).toEqual(['--cpu-prof', '--cpu-prof-dir', '/tmp/p', 'dist/src/main.js', 'workers']);
  });
  it('says which mode ran in the header', () => {
    expect(describeMode('production')).toMatch(/^production \(node dist\/src\/main\.js/);
    expect(describeMode('tsx')).toMatch(/^tsx/);
  });
});

describe('merging the figures of several worker settings', () => {
  const one = { ingest: { acceptedPerSecond: 100, endToEndPerSecond: 40, ackP99Ms: 30 }, rssMb: { api: 200, workers: 250 } };
  const two = { ingest: { acceptedPerSecond: 110, endToEndPerSecond: 70, ackP99Ms: 28 }, rssMb: { api: 210, workers: 240 } };
  it('leaves a single setting as it is', () => {
    expect(mergeWorkerSettings([{ workers: 2, figures: two }])).toEqual(two);
    expect(mergeWorkerSettings([])).toEqual({});
  });
  it('keeps the first setting under the plain names, nests the others under wN, and gives the rates over the first', () => {
    const merged = mergeWorkerSettings([
      { workers: 1, figures: one },
      { workers: 2, figures: two },
    ]);
    expect(merged.ingest).toEqual(one.ingest);
    expect(merged.rssMb).toEqual(one.rssMb);
    expect(merged.w2).toEqual(two);
    expect(merged.scaling).toEqual({ ingest_accepted_w2: 1.1, ingest_endToEnd_w2: 1.75 });
  });
  it('gives every ingest group its own scaling figures, and none where a rate is missing', () => {
    const merged = mergeWorkerSettings([
      { workers: 1, figures: { ...one, ingestSmtp: { acceptedPerSecond: 50, endToEndPerSecond: 20 } } },
      { workers: 4, figures: { ...two, ingestSmtp: { acceptedPerSecond: 50, endToEndPerSecond: 60 } } },
    ]);
    expect(merged.scaling).toEqual({ ingest_accepted_w4: 1.1, ingest_endToEnd_w4: 1.75, ingestSmtp_accepted_w4: 1, ingestSmtp_endToEnd_w4: 3 });
    expect(mergeWorkerSettings([{ workers: 1, figures: { rssMb: { api: 1 } } }, { workers: 2, figures: { rssMb: { api: 2 } } }]).scaling).toBeUndefined();
  });
});
