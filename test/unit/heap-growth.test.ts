// The workers' heap growing factor (src/heap-growth.ts): set at run time it changes how often V8
// collects the old generation, and an operator's own setting is left alone.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasOwnHeapGrowing } from '../../src/heap-growth.ts';

const moduleUrl = path.resolve(import.meta.dirname, '../../src/heap-growth.ts');

// Medium-lived garbage over a live set: objects outlive the young generation, then die in the old
// one, as an ingest burst's do. Prints how many full (mark-compact) collections it took.
const churn = (percent: number | null) => `
  import { PerformanceObserver, constants } from 'node:perf_hooks';
  import { boundHeapGrowth } from ${JSON.stringify(moduleUrl)};
  ${percent === null ? '' : `boundHeapGrowth(${percent}, { execArgv: [], nodeOptions: undefined });`}
  let major = 0;
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) major++; }).observe({ entryTypes: ['gc'] });
  const live = Array.from({ length: 30 }, (_, i) => Array.from({ length: 20000 }, (_, j) => ({ i, j })));
  const ring = new Array(400000);
  for (let r = 0; r < 4000000; r++) ring[r % ring.length] = { r, s: 'x' + r };
  setTimeout(() => console.log(JSON.stringify({ major, live: live.length })), 50);
`;

async function majorCollections(percent: number | null): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', churn(percent)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(0);
  return (JSON.parse(out.trim()) as { major: number }).major;
}

describe('heap growth', () => {
  it('collects the old generation more often once bounded at run time', async () => {
    const [free, bounded] = await Promise.all([majorCollections(null), majorCollections(5)]);
    expect(bounded).toBeGreaterThanOrEqual(free + 4);
  }, 60_000);

  it('leaves an operator’s own setting alone, given as a node flag or in NODE_OPTIONS', () => {
    expect(hasOwnHeapGrowing(['--heap-growing-percent=20'], undefined)).toBe(true);
    expect(hasOwnHeapGrowing([], '--max-old-space-size=4096 --heap_growing_percent=80')).toBe(true);
    expect(hasOwnHeapGrowing(['--liftoff-only'], '--max-semi-space-size=8')).toBe(false);
    expect(hasOwnHeapGrowing([], undefined)).toBe(false);
  });
});
