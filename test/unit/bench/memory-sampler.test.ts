// The bench's memory sampler: figures read from a process's Prometheus text, and their peaks.
import { createServer } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseMemoryMetrics, peakOf, sampleMemory } from '../../bench/support/memory-sampler.ts';

const MB = 2 ** 20;
const exposition = (rss: number, used: number) => `# HELP parley_process_resident_memory_bytes Resident memory size in bytes.
# TYPE parley_process_resident_memory_bytes gauge
parley_process_resident_memory_bytes ${rss * MB}
parley_nodejs_heap_size_total_bytes{process="workers"} ${(used + 20) * MB}
parley_nodejs_heap_size_used_bytes ${used * MB}
parley_nodejs_external_memory_bytes ${3 * MB}
parley_nodejs_heap_space_size_used_bytes{space="new"} ${4 * MB}
parley_nodejs_heap_space_size_used_bytes{process="workers",space="old"} ${(used - 10) * MB}
parley_nodejs_heap_space_size_used_bytes{space="code"} ${2 * MB}
`;

describe('memory sampler', () => {
  it('reads resident, heap, external and the old and young generations in MB from prom-client text, with or without labels', () => {
    expect(parseMemoryMetrics(exposition(250, 100))).toEqual({ rssMb: 250, heapUsedMb: 100, heapTotalMb: 120, externalMb: 3, oldUsedMb: 90, newUsedMb: 4 });
  });
  it('gives NaN for a figure the text lacks, and the peaks ignore it', () => {
    const partial = parseMemoryMetrics('parley_process_resident_memory_bytes 1048576\n');
    expect(partial.rssMb).toBe(1);
    expect(partial.heapUsedMb).toBeNaN();
    const peak = peakOf([partial, parseMemoryMetrics(exposition(200, 80)), parseMemoryMetrics(exposition(180, 150))]);
    expect(peak).toMatchObject({ rssMb: 200, heapUsedMb: 150, heapTotalMb: 170, oldUsedMb: 140 });
    expect(peakOf([]).rssMb).toBeNaN();
  });
  it('keeps the largest of every sample of every process until stopped', async () => {
    let served = 0;
    const server = createServer((_req, res) => res.end(exposition(100 + served, 50 + 10 * (served++ % 3))));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const sampler = sampleMemory([`http://127.0.0.1:${port}/metrics`, `http://127.0.0.1:${port}/metrics`], 50);
      await new Promise((r) => setTimeout(r, 400));
      const peak = await sampler.stop();
      // Two processes (here: the same server twice), several rounds each; a read that timed out is skipped.
      expect(peak.samples).toBeGreaterThanOrEqual(4);
      expect(peak.samples).toBeLessThanOrEqual(served);
      expect(peak.rssMb).toBeGreaterThanOrEqual(100 + peak.samples - 1);
      expect(peak.heapUsedMb).toBe(70);
    } finally {
      server.close();
    }
  });
});
