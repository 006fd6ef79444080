// The bench's per-process figures read from /proc: CPU seconds used so far.
import { describe, expect, it } from 'vitest';
import { cpuSeconds } from '../../bench/support/bench-cluster.ts';

describe.skipIf(process.platform !== 'linux')('process figures from /proc', () => {
  it('gives the CPU seconds a process has used, growing with work, and NaN for no process', async () => {
    const before = await cpuSeconds(process.pid);
    const until = performance.now() + 300;
    while (performance.now() < until) Math.sqrt(Math.random());
    const after = await cpuSeconds(process.pid);
    expect(before).toBeGreaterThan(0);
    expect(after - before).toBeGreaterThan(0.1);
    expect(await cpuSeconds(undefined)).toBeNaN();
    expect(await cpuSeconds(2 ** 30)).toBeNaN();
  });
});
